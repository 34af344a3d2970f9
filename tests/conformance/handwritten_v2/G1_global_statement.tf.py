# G1: global rebinds the program's name from inside a def.
count = 0
def new_var():
    global count
    count += 1
    return tf.get_variable(f"v{count}", [count])

new_var()
new_var()
show(count, [v.shape for v in tf.global_variables()])
def local_only():
    count = 100
    return count

show(local_only(), count)

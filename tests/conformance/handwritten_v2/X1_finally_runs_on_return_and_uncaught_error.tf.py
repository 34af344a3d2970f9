# X1: finally runs when a function returns and when an error goes through.
def f():
    try:
        return "returned"
    finally:
        show("cleanup")


show(f())
try:
    show("body")
    tf.get_variable("x")
finally:
    show("finally ran")

show("never")

# R2: Saver's errors, and the checkpoint functions' errors before anything is read.
try:
    tf.train.Saver()
except ValueError as e:
    show(e)

w = tf.get_variable("w", [2])
try:
    tf.train.Saver([w, w])
except ValueError as e:
    show(e)

for f in [tf.train.list_variables, tf.train.load_checkpoint]:
    try:
        f("no/such/model.ckpt")
    except tf.errors.NotFoundError as e:
        show(type(e).__name__, e)


try:
    tf.train.load_variable("no/such/model.ckpt", "w:0")
except tf.errors.NotFoundError as e:
    show(e)

tf.train.init_from_checkpoint("no/such/model.ckpt", {"w": "w"})

import os, sys, warnings, logging
os.environ["TF_CPP_MIN_LOG_LEVEL"]="3"
warnings.filterwarnings("ignore")
import tensorflow as tf
tf.get_logger().setLevel(logging.ERROR)
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1
def case(title, fn):
    T.reset_default_graph()
    g = T.get_default_graph()
    try:
        r = fn()
        res = "ok " + (getattr(r, "name", None) or repr(r))
    except Exception as e:
        res = "%s: %s" % (type(e).__name__, e)
    print("==", title, "->", res)
    print("   ops:", [(o.name, o.type) for o in g.get_operations()])
    print("   vars:", [(v.name, str(v.shape), v.dtype.name) for v in T.global_variables()])

import os, sys, warnings, logging
os.environ["TF_CPP_MIN_LOG_LEVEL"]="3"
warnings.filterwarnings("ignore")
import tensorflow as tf
tf.get_logger().setLevel(logging.ERROR)
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1
from cases import case  # noqa: E402,F401

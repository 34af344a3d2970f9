# X1: several except clauses, a tuple of classes, bare except, finally.
def risky(kind):
    if (kind == 0):
        tf.get_variable("w", [1])
        tf.get_variable("w", [1])
    elif (kind == 1):
        return [1][5]
    elif (kind == 2):
        return {}["k"]

    return "fine"

for kind in range(4):
    try:
        show(risky(kind))
    except (ValueError, TypeError) as e:
        show("value or type:", type(e).__name__)
    except IndexError:
        show("index")
    except:
        show("bare")
    finally:
        show("finally", kind)



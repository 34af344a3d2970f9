# L5: while ... else; continue from inside try/finally runs finally.
i = 0
while (i < 2):
    i += 1
else:
    show("while done", i)

for i in range(3):
    try:
        if (i == 1):
            continue

        show("body", i)
    finally:
        show("finally", i)



# U4: += -= *= /= on numbers, strings and lists.
n = 10
n += 5
n -= 3
n *= 2
n /= 8
s = "a"
s += "b"
s *= 2
xs = [1]
alias = xs
xs += [2]
show(n, s, xs, alias is xs)

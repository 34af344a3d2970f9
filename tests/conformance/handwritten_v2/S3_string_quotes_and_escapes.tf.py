# S3: single and double quotes, escapes.
show('single', "double", 'it\'s', "say \"hi\"", 'mixed "q"', "tab\tend")
show("a\\b", len("\n"), 'line1\nline2')
show(repr('x'), repr("it's"), repr('\t'))

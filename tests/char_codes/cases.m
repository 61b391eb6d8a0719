s = 'ab'; s(end+1) = 65
s = 'abcd'; s(2:3) = [72 73]
s = 'ab'; s([1 2]) = 67
s = 'ab'; s(5) = 66; class(s), double(s)
s = 'ab'; s(3) = true; class(s), double(s)
s = 'ab'; s(3) = 255; double(s)
s = 'ab'; s(3) = 65 + 2i
x = [1 2]; x(3) = 'a'
x = [1 2]; x(2:3) = 'ab'
z = double([1+2i 3]); z(3) = 'a'
y = double([1 2]); y(3) = 'a'
w = double([1+2i 3]); w(2:3) = 'ab'

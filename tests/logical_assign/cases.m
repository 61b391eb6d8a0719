b = [true false]; b(3) = 5; class(b), double(b)
b = true; b(1) = 'a'; class(b), double(b)
x = [1 0]; x(3) = 'a'
b = [true false]; b(3) = 'a'

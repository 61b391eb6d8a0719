s.a = 1; s.b = [1 2]; s.a
s
s.p.q = 1;
s.v(2) = 5;
s.c = {1, 'x'};
s
t = struct('a', 1, 'b', 'hi')
fieldnames(t)
isfield(t, {'a', 'z'})
isfield(5, 'a')
[isstruct(t), isstruct({1})]
class(t)
t = rmfield(t, 'a')
s.v(end+1) = 7;
s.v(1) = [];
s.v
s.a += 2;
s.a
s.a++;
s.a
c = {1, struct('message', 'hi')};
c{2}.message
c{2}.message = 'yo';
c{2}
x = s.c{2}
s.c{3} = 9;
numel(s.c)
s.p.q
s.p.r.t = 'deep';
s.p
u = struct('c', {{1, 2}});
class(u.c)
w = struct();
w
numel(fieldnames(w))
e = [];
e.k = 3
s(1).a
try
  error('pkg:id', 'boom %d', 3);
catch err
end
err.stack(1).name
m = {err};
m{1}.message
m{1}.identifier

//! Issue 19: reading a variable shares its matrix instead of copying it, an
//! indexed assignment writes in place when the variable is the only owner,
//! and growth is amortised. Checked on the storage itself (which allocation a
//! variable points at), not by timing.

use la::eval::{Session, Sink};
use la::value::format::Format;
use la::value::Value;

struct Quiet;

impl Sink for Quiet {
    fn value(&mut self, _: &str, _: &Value, _: Format) {}
    fn text(&mut self, _: &str) {}
    fn warning(&mut self, _: &str, _: Option<la::syntax::ast::Span>) {}
}

fn run(s: &mut Session, src: &str) {
    if let Err(e) = s.run(src, &mut Quiet) {
        panic!("`{src}` failed: {}", e.message);
    }
}

fn var<'s>(s: &'s Session, name: &str) -> &'s Value {
    s.vars
        .get(name)
        .unwrap_or_else(|| panic!("{name} undefined"))
}

/// The shared matrix a variable holds (its reference-counted allocation).
fn matrix_ptr(s: &Session, name: &str) -> *const () {
    matrix_of(name, var(s, name))
}

/// [`matrix_ptr`] of a value (`name` names it in messages).
fn matrix_of(name: &str, v: &Value) -> *const () {
    match v {
        Value::Real(m) => std::sync::Arc::as_ptr(m) as *const (),
        Value::Exact(m) => std::sync::Arc::as_ptr(m) as *const (),
        Value::Complex(m) => std::sync::Arc::as_ptr(m) as *const (),
        Value::Bool(m) => std::sync::Arc::as_ptr(m) as *const (),
        other => panic!("{name} is a {}", other.type_name()),
    }
}

/// Where a variable's elements live (changes when the buffer is reallocated).
fn data_ptr(s: &Session, name: &str) -> *const () {
    data_of(name, var(s, name))
}

/// [`data_ptr`] of a value (`name` names it in messages).
fn data_of(name: &str, v: &Value) -> *const () {
    match v {
        Value::Real(m) => m.as_ptr() as *const (),
        Value::Exact(m) => m.as_ptr() as *const (),
        Value::Complex(m) => m.as_ptr() as *const (),
        Value::Bool(m) => m.as_ptr() as *const (),
        other => panic!("{name} is a {}", other.type_name()),
    }
}

fn real(s: &Session, name: &str) -> Vec<f64> {
    match var(s, name) {
        Value::Real(m) => m.iter().copied().collect(),
        other => panic!("{name} is a {}", other.type_name()),
    }
}

/// The entries of a double or exact matrix as doubles, column-major.
fn numbers(s: &Session, name: &str) -> Vec<f64> {
    match var(s, name) {
        Value::Exact(m) => m.iter().map(|x| x.to_f64()).collect(),
        _ => real(s, name),
    }
}

#[test]
fn copies_arguments_and_results_share_the_matrix() {
    let mut s = Session::new();
    run(
        &mut s,
        "A = rand(200); B = A; function r = same(X)\n r = X;\nend\nC = same(A); f = @(t) t; D = f(A);",
    );
    let a = matrix_ptr(&s, "A");
    for name in ["B", "C", "D"] {
        assert_eq!(matrix_ptr(&s, name), a, "{name} should share A's matrix");
    }
    // Reading elements, rows, columns and slices leaves A where it is.
    run(
        &mut s,
        "x = A(3, 4); r = A(2, :); c = A(:, 5); w = A(1:3, 2:3); n = A(7); q = numel(A);",
    );
    assert_eq!(matrix_ptr(&s, "A"), a);
    assert_eq!(real(&s, "x"), vec![real(&s, "A")[3 + 3 * 200 - 1]]);
}

#[test]
fn writing_a_shared_matrix_copies_it_once_then_writes_in_place() {
    let kinds = [
        (
            "real",
            "A = rand(50);",
            "A(2, 3) = 7;",
            "A(:, 4) = ones(50, 1);",
            "A(9) = 1;",
        ),
        (
            "exact",
            "A = magic(4);",
            "A(2, 3) = 7;",
            "A(:, 4) = [1; 2; 3; 4];",
            "A(9) = 1/3;",
        ),
        (
            "complex",
            "A = double([1+2i, 3; 4, 5i]);",
            "A(2, 1) = 7i;",
            "A(:, 2) = [1i; 2];",
            "A(3) = 1;",
        ),
        (
            "logical",
            "A = [true false; false true];",
            "A(2, 1) = true;",
            "A(:, 2) = [true; true];",
            "A(1) = false;",
        ),
    ];
    for (kind, setup, one, column, linear) in kinds {
        let mut s = Session::new();
        run(&mut s, setup);
        run(&mut s, "B = A;");
        let shared = matrix_ptr(&s, "A");
        assert_eq!(matrix_ptr(&s, "B"), shared, "{kind}");
        // B is shared: the first write gives B its own matrix and leaves A alone.
        run(&mut s, one);
        let own = matrix_ptr(&s, "A");
        assert_ne!(own, shared, "{kind}: the write must not change B");
        assert_eq!(matrix_ptr(&s, "B"), shared, "{kind}");
        run(&mut s, "same = isequal(A, B);");
        assert!(matches!(var(&s, "same"), Value::Bool(m) if !m[0]), "{kind}");
        // Now A is the only owner: element, column and linear writes are in place.
        for stmt in [one, column, linear] {
            run(&mut s, stmt);
            assert_eq!(
                matrix_ptr(&s, "A"),
                own,
                "{kind}: `{stmt}` copied the matrix"
            );
        }
        // A loop that writes every element keeps the same matrix too.
        run(
            &mut s,
            "[m, n] = size(A); for i = 1:m, for j = 1:n, A(i, j) = A(j, j); end, end",
        );
        assert_eq!(
            matrix_ptr(&s, "A"),
            own,
            "{kind}: the loop copied the matrix"
        );
    }
}

#[test]
fn a_double_matrix_takes_exact_and_logical_values_in_place() {
    let mut s = Session::new();
    run(&mut s, "B = 0 * rand(30);");
    let b = matrix_ptr(&s, "B");
    run(
        &mut s,
        "for i = 1:30, for j = 1:30, B(i, j) = i + j; end, end\nB(1, :) = 1:30; B(2, 2) = true;",
    );
    assert_eq!(matrix_ptr(&s, "B"), b);
    let v = real(&s, "B");
    assert_eq!(v[1 + 29 * 30], 32.0); // B(2, 30) = 2 + 30
    assert_eq!(v[29 * 30], 30.0); // B(1, 30)
    assert_eq!(v[1 + 30], 1.0); // B(2, 2) = true
}

/// Appending one element at a time reallocates the buffer only when its
/// capacity runs out, which (growing geometrically) happens O(log n) times.
#[test]
fn growth_is_amortised() {
    let cases = [
        ("y = [];", "y(end+1) = 1;", "y"),
        ("z = [];", "k = numel(z) + 1; z(k) = k^2;", "z"),
        ("w = zeros(0, 1);", "w(end+1) = 0.5;", "w"),
        ("c = zeros(3, 0);", "c(:, end+1) = [1; 2; 3];", "c"),
        ("r = [];", "r(end+1, 1) = 2;", "r"),
        // Every kind grows in place, past the end by `end+1` or by a number.
        ("e = [1];", "e(end+1) = 1/3;", "e"),
        ("q = [1];", "k = numel(q) + 1; q(k) = -k;", "q"),
        ("x = double([1i]);", "x(end+1) = 2i;", "x"),
        ("b = [true];", "b(numel(b) + 1) = false;", "b"),
    ];
    for (setup, step, name) in cases {
        let mut s = Session::new();
        run(&mut s, setup);
        let start = var(&s, name).numel();
        let mut moves = 0;
        let mut last = None;
        for _ in 0..2000 {
            run(&mut s, step);
            let p = data_ptr(&s, name);
            if last != Some(p) {
                moves += 1;
                last = Some(p);
            }
        }
        assert!(
            moves <= 30,
            "`{step}`: the buffer moved {moves} times in 2000 appends"
        );
        let per_step = if name == "c" { 3 } else { 1 };
        assert_eq!(var(&s, name).numel(), start + 2000 * per_step, "`{step}`");
    }
}

#[test]
fn growing_rows_keeps_the_elements_in_place() {
    let mut s = Session::new();
    run(
        &mut s,
        "A = [1 2 3; 4 5 6]; for k = 3:40, A(k, :) = [k, 10*k, 100*k]; end\nA(42, 2) = -1;",
    );
    run(
        &mut s,
        "d = size(A); a = A(2, :); b = A(40, :); e = A(41, :); f = A(42, :);",
    );
    let (r, c) = var(&s, "A").dims();
    assert_eq!((r, c), (42, 3));
    let exact = |name: &str| numbers(&s, name);
    assert_eq!(exact("a"), vec![4.0, 5.0, 6.0]);
    assert_eq!(exact("b"), vec![40.0, 400.0, 4000.0]);
    assert_eq!(exact("e"), vec![0.0, 0.0, 0.0]);
    assert_eq!(exact("f"), vec![0.0, -1.0, 0.0]);
}

/// The loops of issue 19 leave the right numbers behind, not just the right
/// count: `z(k) = k^2` from `z = []` (past the end each time) and
/// `y(end+1) = k`, checked against the closed forms.
#[test]
fn grown_vectors_hold_the_assigned_values() {
    let mut s = Session::new();
    run(
        &mut s,
        "z = []; for k = 1:3000, z(k) = k^2; end\ny = []; for k = 1:3000, y(end+1) = 2*k - 1; end",
    );
    // `[]` is an exact empty matrix: exact integers keep it exact.
    assert!(matches!(var(&s, "z"), Value::Exact(_)));
    let (z, y) = (numbers(&s, "z"), numbers(&s, "y"));
    assert_eq!(z.len(), 3000);
    assert_eq!(y.len(), 3000);
    for k in 1..=3000usize {
        assert_eq!(z[k - 1], (k * k) as f64, "z({k})");
        assert_eq!(y[k - 1], (2 * k - 1) as f64, "y({k})");
    }
    assert_eq!(var(&s, "z").dims(), (1, 3000));
}

/// Field `path` (`["p", "q"]` for `s.p.q`) of the structure in variable `name`.
fn field<'s>(s: &'s Session, name: &str, path: &[&str]) -> &'s Value {
    path.iter().fold(var(s, name), |v, f| match v {
        Value::Struct(fields) => fields
            .iter()
            .find(|(n, _)| n == f)
            .map(|(_, x)| x)
            .unwrap_or_else(|| panic!("{name} has no field {f}")),
        other => panic!("{name} is a {} before .{f}", other.type_name()),
    })
}

/// `s.v(i) = x` and `s.v(end+1) = x` write the field where it lives when
/// nothing else shares it (a loop over a field was quadratic: each write
/// copied the field), and a shared structure is copied once, leaving the
/// other variable as it was.
#[test]
fn a_structure_field_is_written_in_place() {
    let mut s = Session::new();
    run(
        &mut s,
        "s.name = 'x'; s.v = zeros(1, 300); s.p.q = zeros(300, 1);",
    );
    let (v, q) = (
        matrix_of("s.v", field(&s, "s", &["v"])),
        matrix_of("s.p.q", field(&s, "s", &["p", "q"])),
    );
    run(
        &mut s,
        "for i = 1:300, s.v(i) = i^2; s.p.q(i) = -i; end\na = s.v; b = s.p.q;",
    );
    assert_eq!(
        matrix_of("s.v", field(&s, "s", &["v"])),
        v,
        "s.v(i) copied the field"
    );
    assert_eq!(
        matrix_of("s.p.q", field(&s, "s", &["p", "q"])),
        q,
        "s.p.q(i) copied the field"
    );
    let (a, b) = (numbers(&s, "a"), numbers(&s, "b"));
    for i in 1..=300usize {
        assert_eq!(a[i - 1], (i * i) as f64, "s.v({i})");
        assert_eq!(b[i - 1], -(i as f64), "s.p.q({i})");
    }
    // Growth by `end+1`, into a field that did not exist: amortised as for a variable.
    let mut moves = 0;
    let mut last = None;
    for k in 1..=2000 {
        run(&mut s, &format!("s.w(end+1) = 2*{k} - 1;"));
        let p = data_of("s.w", field(&s, "s", &["w"]));
        if last != Some(p) {
            moves += 1;
            last = Some(p);
        }
    }
    assert!(moves <= 30, "the field moved {moves} times in 2000 appends");
    run(&mut s, "w = s.w;");
    let w = numbers(&s, "w");
    assert_eq!(w.len(), 2000);
    assert!(w.iter().enumerate().all(|(k, &x)| x == (2 * k + 1) as f64));
    assert_eq!(var(&s, "w").dims(), (1, 2000));
    // A copy of the structure shares the field until one side writes it.
    run(&mut s, "t = s; s.v(2) = -7;");
    assert_ne!(matrix_of("s.v", field(&s, "s", &["v"])), v);
    assert_eq!(matrix_of("t.v", field(&s, "t", &["v"])), v);
    run(&mut s, "ts = t.v(2); ss = s.v(2);");
    assert_eq!(numbers(&s, "ts"), vec![4.0]);
    assert_eq!(numbers(&s, "ss"), vec![-7.0]);
}

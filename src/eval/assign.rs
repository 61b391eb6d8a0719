//! Assignment: plain, indexed (growing the matrix, in place when the kinds
//! agree), deletion `A(i) = []`, and the subscripts they evaluate.

use super::*;

impl Interp<'_> {
    /// The current value of an assignment target (`x += 1` reads it first).
    pub(super) fn eval_lvalue_current(&mut self, lv: &LValue) -> Result<Value> {
        let span = lv.span;
        let mut e = Expr {
            kind: ExprKind::Ident(lv.name.clone()),
            span,
        };
        let steps = lv.index.iter().map(|a| match lv.brace {
            true => Sel::Brace(a.clone()),
            false => Sel::Paren(a.clone()),
        });
        for step in steps.chain(lv.path.iter().cloned()) {
            let base = Box::new(e);
            let kind = match step {
                Sel::Field(f) => ExprKind::Field(base, f),
                Sel::Paren(a) => ExprKind::Call(base, a),
                Sel::Brace(a) => ExprKind::CellIndex(base, a),
            };
            e = Expr { kind, span };
        }
        self.eval(&e)
    }

    /// `lv = rhs`. The variable is changed where it lives: when it is the
    /// only owner of its matrix nothing is copied. A new variable appears
    /// only on success.
    #[inline(always)]
    pub(super) fn assign(&mut self, lv: &LValue, rhs: Rhs, display: bool) -> Result<()> {
        // `x(end+1) = number` (the parser marks it): pushed onto x, no subscript evaluated.
        if lv.append && self.put_element(lv, None, &rhs)? {
            return self.show_variable(&lv.name, display);
        }
        if !lv.path.is_empty() {
            return self.assign_path(lv, rhs.into_value(), false, display);
        }
        if lv.brace {
            return self.assign_brace(lv, rhs.into_value(), display);
        }
        let Some(args) = &lv.index else {
            return self.bind(&lv.name, rhs, display);
        };
        // One element named by plain numbers (the loop case): written in
        // place, or appended to a vector (amortised), when the kinds agree.
        if let Some(dims) = self.vars().lookup(&lv.name).and_then(numeric_dims) {
            if let Some(k) = self.element_at(dims, args, true) {
                if self.put_element(lv, Some(k), &rhs)? {
                    return self.show_variable(&lv.name, display);
                }
            }
        }
        self.assign_at(lv, args, rhs.into_value(), display)
    }

    /// `A(k) = rhs` (`k` `None`: one past the end, for `A(end+1)`) through
    /// [`assign_element`], with one lookup of `A`; false (nothing changed)
    /// when that is not the case.
    #[inline(always)]
    fn put_element(&mut self, lv: &LValue, k: Option<usize>, rhs: &Rhs) -> Result<bool> {
        let owned;
        let x = match rhs {
            Rhs::Scalar(x) => *x,
            Rhs::Value(v) => match Scalar::of(v) {
                Some(x) => {
                    owned = x;
                    &owned
                }
                None => return Ok(false),
            },
        };
        let limit = self.session.max_bytes;
        let Some(target) = self.vars_mut().lookup_mut(&lv.name) else {
            return Ok(false);
        };
        let Some(len) = numeric_len(target) else {
            return Ok(false);
        };
        let k = k.unwrap_or(len);
        if k >= len {
            limits::check("index assignment", (k as f64 + 1.0) * 8.0, limit)
                .map_err(|e| e.at(lv.span))?;
        }
        assign_element(target, k, x).map_err(|e| e.at(lv.span))
    }

    /// `A(args) = v` in general.
    fn assign_at(&mut self, lv: &LValue, args: &[Arg], v: Value, display: bool) -> Result<()> {
        // Subscripts may read the variable itself (`A(A > 3) = 0`): evaluate them first.
        let dims = self.vars().lookup(&lv.name).map_or((0, 0), Value::dims);
        let name = Some(lv.name.as_str());
        let idx = self.subscripts(dims, args, name)?;
        self.check_assign_size(&idx).map_err(|e| e.at(lv.span))?;
        let named = |e| index::naming(e, name).at(lv.span);
        match self.vars_mut().lookup_mut(&lv.name) {
            Some(target) => assign_indexed(target, &idx, v).map_err(named)?,
            None => {
                // A new variable takes the source's class, as in Octave:
                // `clear b; b(2) = true` is logical, `s(3) = 'a'` a string.
                let mut target = match &v {
                    Value::Bool(_) => {
                        Value::Bool(crate::value::BMat::from_element(0, 0, false).into())
                    }
                    Value::Str(_) => Value::Str(String::new()),
                    _ => Value::empty(),
                };
                assign_indexed(&mut target, &idx, v).map_err(named)?;
                self.vars_mut().insert(&lv.name, target);
            }
        }
        self.show_variable(&lv.name, display)
    }

    #[inline(always)]
    pub(super) fn show_variable(&mut self, name: &Name, display: bool) -> Result<()> {
        if display {
            if let Some(v) = self.vars().lookup(name).cloned() {
                self.show(name, &v);
            }
        }
        Ok(())
    }

    /// Store a variable (reusing its slot; a number overwrites a number of
    /// its kind in place) and show it unless suppressed.
    #[inline(always)]
    pub(super) fn bind(&mut self, name: &Name, rhs: Rhs, display: bool) -> Result<()> {
        match self.vars_mut().lookup_mut(name) {
            Some(slot) => match rhs {
                Rhs::Scalar(x) => x.store(slot),
                Rhs::Value(v) => *slot = take(v),
            },
            None => {
                self.vars_mut().insert(name, rhs.into_value());
            }
        }
        self.show_variable(name, display)
    }

    /// Evaluate subscripts; `end` means the extent of `dims` along that position.
    /// `name`: the variable indexed, named by an error in a subscript.
    pub(super) fn subscripts(
        &mut self,
        dims: (usize, usize),
        args: &[Arg],
        name: Option<&str>,
    ) -> Result<Vec<Idx>> {
        Ok(self.eval_subscripts(dims, args, name)?.into_idx())
    }

    /// [`Interp::subscripts`], keeping one or two plain integer subscripts
    /// (the loop case `A(i, j)`) as numbers instead of index lists.
    pub(super) fn eval_subscripts(
        &mut self,
        dims: (usize, usize),
        args: &[Arg],
        name: Option<&str>,
    ) -> Result<Subs> {
        let n = args.len();
        let mut scalars = [0usize; 2];
        let mut general: Option<Vec<Idx>> = None;
        for (k, a) in args.iter().enumerate() {
            let idx = match a {
                Arg::Colon => Idx::All,
                Arg::Expr(e) => match (self.subscript(e, end_of(dims, n, k))?, &mut general) {
                    (Ok(p), None) if k < 2 => {
                        scalars[k] = p;
                        continue;
                    }
                    (Ok(p), _) => Idx::scalar(p),
                    (Err(v), _) => index::resolve(&v, k, n)
                        .map_err(|err| index::naming(err, name).at(e.span))?,
                },
            };
            general
                .get_or_insert_with(|| scalars[..k].iter().map(|&p| Idx::scalar(p)).collect())
                .push(idx);
        }
        Ok(match general {
            Some(list) => Subs::List(list),
            None if n == 1 => Subs::One(scalars[0]),
            None if n == 2 => Subs::Two(scalars[0], scalars[1]),
            None => Subs::List(Vec::new()),
        })
    }

    /// One subscript with `end` meaning `end`: the 0-based position when it
    /// is one positive integer (computed without a `Value` when it is a plain
    /// number), else its value for `index::resolve`.
    fn subscript(&mut self, e: &Expr, end: usize) -> Result<std::result::Result<usize, Value>> {
        self.ends.push(end);
        let sub = match &self.scalar(e) {
            Some(x) => Ok(x.position().ok_or_else(|| x.to_value())),
            None => self
                .eval(e)
                .map(|v| Scalar::of(&v).and_then(|x| x.position()).ok_or(v)),
        };
        self.ends.pop();
        sub
    }

    /// The memory limit for `A(idx) = v`: the result is at least as large as
    /// the largest subscript asks for (O(1) per scalar subscript).
    pub(super) fn check_assign_size(&self, idx: &[Idx]) -> Result<()> {
        let need: f64 = idx
            .iter()
            .map(|i| match i {
                Idx::List { pos, .. } => pos.iter().max().map_or(1.0, |m| *m as f64 + 1.0),
                Idx::All => 1.0,
            })
            .product();
        self.check_alloc("index assignment", need, 1.0, 8)
    }
    /// `A(i) = []` (also `s.v(i) = []`): the elements removed.
    pub(super) fn delete(&mut self, lv: &LValue, display: bool) -> Result<()> {
        if !lv.path.is_empty() {
            return self.assign_path(lv, Value::empty(), true, display);
        }
        let target = self
            .vars()
            .get(&lv.name)
            .cloned()
            .ok_or_else(|| LaError::eval(format!("'{}' undefined", lv.name)).at(lv.span))?;
        let args = lv.index.as_deref().unwrap_or(&[]);
        let idx = self.subscripts(target.dims(), args, Some(lv.name.as_str()))?;
        let out = super::fields::delete_at(&target, &idx)
            .map_err(|e| index::naming(e, Some(lv.name.as_str())).at(lv.span))?;
        if display {
            self.show(&lv.name, &out);
        }
        self.vars_mut().insert(&lv.name, out);
        Ok(())
    }
}

/// A string as the 1xN matrix of its characters (0x0 when empty).
pub(super) fn chars(s: &str) -> nalgebra::DMatrix<char> {
    let v: Vec<char> = s.chars().collect();
    nalgebra::DMatrix::from_row_slice(usize::from(!v.is_empty()), v.len(), &v)
}

/// Characters back into a string, which must be one row (la has no char matrices).
pub(super) fn string_row(m: &nalgebra::DMatrix<char>) -> Result<Value> {
    if m.nrows() > 1 {
        return Err(LaError::eval(format!(
            "a string is one row of characters; this assignment would make a {}x{} char matrix",
            m.nrows(),
            m.ncols()
        )));
    }
    Ok(Value::Str(m.iter().collect()))
}

pub(super) fn is_empty_literal(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Matrix(rows) if rows.iter().all(|r| r.is_empty()))
}

/// `target(idx) = v`. The target is written in place (copied only when its
/// matrix is shared) whenever the source fits its kind: a double matrix takes
/// exact, logical and double values, a complex one anything numeric, an exact
/// one exact and logical values. Only a source of a wider kind converts the
/// whole target (once: afterwards the kinds agree).
pub(super) fn assign_indexed(target: &mut Value, idx: &[Idx], v: Value) -> Result<()> {
    use crate::value::NumKind;
    const WHAT: &str = "index assignment";
    let source = v.num_kind();
    if matches!(target, Value::Cell(_)) || matches!(v, Value::Cell(_)) {
        return super::cells::assign_cell_paren(target, idx, v);
    }
    if let Value::Str(t) = &*target {
        // A string stays a string: `s(2) = 'X'`, `s(end+1) = 'd'`, and a real
        // number is a character code, `s(end+1) = 65` (gaps are NUL, as in Octave).
        let src = match &v {
            Value::Str(s) => Some(chars(s)),
            _ if source.is_some_and(|k| k <= NumKind::Real) => Some(index::char_codes(&v)?),
            _ => None,
        };
        if let Some(src) = src {
            let mut m = chars(t);
            index::assign(&mut m, idx, &src, '\0')?;
            *target = string_row(&m)?;
            return Ok(());
        }
    }
    // Into numbers, characters are their codes (`x(3) = 'a'` is 97, as
    // Octave), exact integers as a literal 97 is: an exact target stays
    // exact and a logical one becomes exact.
    let v = match v {
        Value::Str(_) => exact_codes(&v)?,
        v => v,
    };
    let source = v.num_kind();
    match target {
        Value::Real(t) if source.is_some_and(|k| k <= NumKind::Real) => {
            let s = v.to_real(WHAT)?;
            return index::assign(make_mut(t), idx, &s, 0.0);
        }
        Value::Exact(t) if source.is_some_and(|k| k <= NumKind::Exact) => {
            let s = v
                .to_exact()
                .ok_or_else(|| LaError::internal("exact assignment source"))?;
            return index::assign(make_mut(t), idx, &s, crate::exact::Rat::zero());
        }
        Value::Bool(t) if source == Some(NumKind::Bool) => {
            let s = v.to_bool(WHAT)?;
            return index::assign(make_mut(t), idx, &s, false);
        }
        Value::Complex(t) if source.is_some() => {
            let zero = crate::linalg::C64::new(0.0, 0.0);
            if let Value::Complex(s) = &v {
                return index::assign(make_mut(t), idx, s, zero);
            }
            // A real source may leave no imaginary part: then the result is
            // real, as in Octave (the scan stops at the first complex element).
            let s = v.to_complex(WHAT)?;
            index::assign(make_mut(t), idx, &s, zero)?;
            if t.iter().all(|z| z.im == 0.0) {
                *target = Value::Real(t.map(|z| z.re).into());
            }
            return Ok(());
        }
        _ => {}
    }
    *target = match index::promote(&[target, &v], WHAT)? {
        Promoted::Bool(mut m) => {
            let src = m.pop().unwrap_or_default();
            let mut t = m.pop().unwrap_or_default();
            index::assign(&mut t, idx, &src, false)?;
            Value::Bool(t.into())
        }
        Promoted::Exact(mut m) => {
            let src = m.pop().unwrap_or_default();
            let mut t = m.pop().unwrap_or_default();
            index::assign(&mut t, idx, &src, crate::exact::Rat::zero())?;
            Value::Exact(t.into())
        }
        Promoted::Quad(mut m) => {
            let src = m.pop().unwrap_or_default();
            let mut t = m.pop().unwrap_or_default();
            index::assign(&mut t, idx, &src, Default::default())?;
            Value::quad(t)
        }
        Promoted::Real(mut m) => {
            let src = m.pop().unwrap_or_default();
            let mut t = m.pop().unwrap_or_default();
            index::assign(&mut t, idx, &src, 0.0)?;
            Value::Real(t.into())
        }
        Promoted::Complex(mut m) => {
            let src = m.pop().unwrap_or_default();
            let mut t = m.pop().unwrap_or_default();
            index::assign(&mut t, idx, &src, crate::linalg::C64::new(0.0, 0.0))?;
            Value::complex(t)
        }
    };
    Ok(())
}

/// The character codes of a string as exact integers.
fn exact_codes(v: &Value) -> Result<Value> {
    let codes = v.codes().to_real("index assignment")?.into_owned();
    Ok(match crate::exact::matrix::from_f64_exact(&codes) {
        Some(m) => Value::Exact(m.into()),
        None => Value::Real(codes.into()),
    })
}

/// Evaluated subscripts: plain 0-based positions for `A(k)` and `A(i, j)`
/// with integer scalars, index lists otherwise.
pub(super) enum Subs {
    One(usize),
    Two(usize, usize),
    List(Vec<Idx>),
}

impl Subs {
    pub(super) fn into_idx(self) -> Vec<Idx> {
        match self {
            Subs::One(k) => vec![Idx::scalar(k)],
            Subs::Two(i, j) => vec![Idx::scalar(i), Idx::scalar(j)],
            Subs::List(list) => list,
        }
    }

    /// The column-major position of the element inside an `r` x `c` matrix.
    pub(super) fn element(&self, (r, c): (usize, usize)) -> Option<usize> {
        match *self {
            Subs::One(k) if k < r * c => Some(k),
            Subs::Two(i, j) if i < r && j < c => Some(i + j * r),
            _ => None,
        }
    }
}

/// The shape of a numeric matrix, the kinds [`assign_element`] writes into.
#[inline(always)]
fn numeric_dims(v: &Value) -> Option<(usize, usize)> {
    match v {
        Value::Real(m) => Some(m.shape()),
        Value::Exact(m) => Some(m.shape()),
        Value::Complex(m) => Some(m.shape()),
        Value::Bool(m) => Some(m.shape()),
        _ => None,
    }
}

#[inline(always)]
fn numeric_len(v: &Value) -> Option<usize> {
    numeric_dims(v).map(|(r, c)| r * c)
}

/// `target(k) = x` for one element, written in place (a vector grows when
/// `k` is past its end) when `x` fits the target's kind without changing
/// it. False when this is not that case (nothing is changed then).
fn assign_element(target: &mut Value, k: usize, x: &Scalar) -> Result<bool> {
    use crate::exact::Rat;
    match (target, x) {
        (Value::Real(t), Scalar::Real(s)) => index::put(make_mut(t), k, *s, 0.0)?,
        (Value::Real(t), Scalar::Rat(s)) => index::put(make_mut(t), k, s.to_f64(), 0.0)?,
        (Value::Real(t), Scalar::Bool(s)) => index::put(make_mut(t), k, f64::from(*s), 0.0)?,
        (Value::Exact(t), Scalar::Rat(s)) => index::put(make_mut(t), k, s.clone(), Rat::zero())?,
        (Value::Complex(t), Scalar::Complex(s)) => {
            index::put(make_mut(t), k, *s, crate::linalg::C64::new(0.0, 0.0))?
        }
        (Value::Bool(t), Scalar::Bool(s)) => index::put(make_mut(t), k, *s, false)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// What an assignment stores: a plain number (no `Value` built for it yet)
/// or a value (taken when stored). Both are borrowed so that `Rhs` is two
/// words, passed in registers: a larger one, or a `Scalar` moved out of the
/// call that returned it, is copied through memory, and reading the copy
/// back stalls the CPU (store forwarding fails) for a good part of what
/// `s = s + i` costs.
pub(super) enum Rhs<'a> {
    Scalar(&'a Scalar),
    Value(&'a mut Value),
}

impl Rhs<'_> {
    fn into_value(self) -> Value {
        match self {
            Rhs::Scalar(x) => x.to_value(),
            Rhs::Value(v) => take(v),
        }
    }
}

/// The value out of an `Rhs`, leaving an empty string (no allocation).
fn take(v: &mut Value) -> Value {
    std::mem::replace(v, Value::Str(String::new()))
}

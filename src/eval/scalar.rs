//! Expressions that are plain numbers — number literals, `end`, scalar
//! variables, elements of variables and the operators between them — are
//! computed as numbers, with no `Value` built on the way: the bodies of the
//! loops students write (`y(end+1) = k`, `z(k) = k^2`, `s = s + A(i,j)`).

use super::*;
use crate::ops::Scalar;

impl Interp<'_> {
    /// `e` as a plain number, or `None` when it is anything else. Only forms
    /// without side effects are tried and no error is ever reported here, so
    /// after `None` the general evaluator runs `e` as if this had not been
    /// called (and reports what is wrong with it).
    ///
    /// Leaves are read here, inline: a `Scalar` returned from a call goes
    /// through memory, and reading it back stalled the CPU (store forwarding)
    /// long enough to double the cost of `s = s + i`.
    #[inline(always)]
    pub(super) fn scalar(&mut self, e: &Expr) -> Option<Scalar> {
        match &e.kind {
            ExprKind::Ident(name) => Scalar::of(self.vars().lookup(name)?),
            ExprKind::Number(s) => match small_int_literal(s) {
                Some(n) => Some(Scalar::Rat(crate::exact::Rat::from_i64(n))),
                None => self.scalar_literal(s, e.span),
            },
            ExprKind::End => self.ends.last().map(|&n| Scalar::Real(n as f64)),
            _ => self.scalar_node(e),
        }
    }

    /// [`Interp::scalar`] of an operator or an element.
    fn scalar_node(&mut self, e: &Expr) -> Option<Scalar> {
        match &e.kind {
            // Borrowed where they were returned (see `Rhs` for why no move).
            ExprKind::Binary(op, a, b) => {
                let x = self.scalar(a);
                let x = x.as_ref()?;
                let y = self.scalar(b);
                ops::scalar_op(*op, x, y.as_ref()?)
            }
            ExprKind::Unary(UnOp::Neg, a) => self.scalar(a)?.negated(),
            ExprKind::Call(target, args) => self.scalar_element(target, args),
            _ => None,
        }
    }

    /// A literal that is not a small integer (`0.1`, `1e400`), through the literal cache.
    #[cold]
    fn scalar_literal(&mut self, s: &str, span: Span) -> Option<Scalar> {
        Scalar::of(&self.number(s, span).ok()?)
    }

    /// `A(i)` or `A(i, j)` of a numeric variable, the subscripts plain numbers inside it.
    fn scalar_element(&mut self, target: &Expr, args: &[Arg]) -> Option<Scalar> {
        let ExprKind::Ident(name) = &target.kind else {
            return None;
        };
        let dims = self.vars().lookup(name)?.dims();
        let k = self.element_at(dims, args, false)?;
        Scalar::element(self.vars().lookup(name)?, k)
    }

    /// The column-major position of the one element `args` name in an
    /// `r` x `c` matrix when they are plain numbers: `A(k)` (past the end
    /// too when `grow`, for an assignment that appends) or `A(i, j)` inside
    /// it. `None` for anything else, as [`Interp::scalar`].
    pub(super) fn element_at(
        &mut self,
        dims: (usize, usize),
        args: &[Arg],
        grow: bool,
    ) -> Option<usize> {
        let n = args.len();
        if !(1..=2).contains(&n) {
            return None;
        }
        let mut pos = [0usize; 2];
        for (k, a) in args.iter().enumerate() {
            let Arg::Expr(e) = a else {
                return None;
            };
            // A variable or a number (`z(k)`) needs no `end`.
            let leaf = matches!(e.kind, ExprKind::Ident(_) | ExprKind::Number(_));
            if !leaf {
                self.ends.push(end_of(dims, n, k));
            }
            let x = self.scalar(e);
            if !leaf {
                self.ends.pop();
            }
            pos[k] = x.as_ref()?.position()?;
        }
        let (r, c) = dims;
        match (n, pos) {
            (1, [k, _]) if grow || k < r * c => Some(k),
            (2, [i, j]) if i < r && j < c => Some(i + j * r),
            _ => None,
        }
    }
}

/// What `end` means in subscript `k` of `n` into an `r` x `c` matrix.
pub(super) fn end_of((r, c): (usize, usize), n: usize, k: usize) -> usize {
    match (n, k) {
        (1, _) => r * c,
        (_, 0) => r,
        (_, 1) => c,
        _ => 1,
    }
}

/// A literal that is a plain integer (the common case, e.g. inside loops):
/// read directly, without the decimal parser.
/// Digit by digit: 18 digits cannot overflow, and the general `parse` cost
/// a measurable part of `z(k) = k^2`.
#[inline]
pub(super) fn small_int_literal(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 18 {
        return None;
    }
    s.bytes().try_fold(0i64, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
    })
}

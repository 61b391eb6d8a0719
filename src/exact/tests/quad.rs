//! Unit tests of `exact::quad`, `exact::field` and `exact::splitting`
//! (values derived by hand; the derivations are in the comments).
use super::*;
use crate::exact::field;
use crate::exact::splitting::{eig_split, split};

fn r(n: i64, d: i64) -> Rat {
    Rat::from_i64(n).checked_div(&Rat::from_i64(d)).unwrap()
}

fn q(a: (i64, i64), b: (i64, i64), d: i64) -> Quad {
    Quad::new(r(a.0, a.1), r(b.0, b.1), d)
}

#[test]
fn square_roots_of_rationals() {
    assert_eq!(sqrt_rat(&r(8, 1)), Some(q((0, 1), (2, 1), 2)));
    assert_eq!(sqrt_rat(&r(9, 4)), Some(Quad::rat(r(3, 2))));
    assert_eq!(sqrt_rat(&r(-4, 1)), Some(q((0, 1), (2, 1), -1)));
    // √(1/2) = √2/2; √(3/8) = √6/4 (3/8 = 6/16).
    assert_eq!(sqrt_rat(&r(1, 2)), Some(q((0, 1), (1, 2), 2)));
    assert_eq!(sqrt_rat(&r(3, 8)), Some(q((0, 1), (1, 4), 6)));
    // 2^50 = (2^25)^2 is a square beyond the limit of the small split.
    assert_eq!(
        sqrt_rat(&Rat::from_i64(1 << 50)),
        Some(Quad::rat(r(1 << 25, 1)))
    );
    // p·q for the primes p = 2^30 + 3, q = 2^30 + 7 (both above the trial
    // limit): square-free, but too large a radicand, so not decided.
    let pq = Rat::from_i64(1_073_741_827 * 1_073_741_831);
    assert_eq!(sqrt_rat(&pq), None);
    // p²·6: the square test of what is left after the small primes 2, 3.
    let p2 = &Rat::from_i64(1_073_741_827) * &Rat::from_i64(1_073_741_827 * 6);
    assert_eq!(sqrt_rat(&p2), Some(q((0, 1), (1_073_741_827, 1), 6)));
    // 1000 = 10^2 * 10; 7^2 * 11^2 * 13 = 77^2 * 13 (a square left after
    // trial division by primes below the cube root).
    assert_eq!(sqrt_rat(&r(1000, 1)), Some(q((0, 1), (10, 1), 10)));
    assert_eq!(sqrt_rat(&r(77 * 77 * 13, 1)), Some(q((0, 1), (77, 1), 13)));
    assert_eq!(sqrt_rat(&r(101 * 101, 1)), Some(Quad::rat(r(101, 1))));
    // Beyond doubles: √(10^400) = 10^200, √(2·10^400) = 10^200·√2,
    // √(10^-401) = √10/10^201 (10^-401 = 10·10^-402).
    let ten = |e: i32| Rat::from_i64(10).pow(e).unwrap();
    assert_eq!(sqrt_rat(&ten(400)), Some(Quad::rat(ten(200))));
    let two = &Rat::from_i64(2) * &ten(400);
    assert_eq!(sqrt_rat(&two), Some(Quad::new(Rat::zero(), ten(200), 2)));
    assert_eq!(
        sqrt_rat(&ten(-401)),
        Some(Quad::new(Rat::zero(), ten(-201), 10))
    );
    assert!(is_radicand(-1) && is_radicand(2) && !is_radicand(4) && !is_radicand(1));
}

#[test]
fn field_arithmetic() {
    let s2 = q((0, 1), (1, 1), 2);
    assert_eq!(&s2 * &s2, Quad::rat(r(2, 1)));
    // (1 + √2)(1 - √2) = -1, so 1/(1 + √2) = √2 - 1.
    let a = q((1, 1), (1, 1), 2);
    assert_eq!(a.norm(), r(-1, 1));
    assert_eq!(a.recip(), Some(q((-1, 1), (1, 1), 2)));
    // (1 + i)^2 = 2i, (1 + i)^-2 = -i/2.
    let z = q((1, 1), (1, 1), -1);
    assert_eq!(z.pow(2), Some(q((0, 1), (2, 1), -1)));
    assert_eq!(z.pow(-2), Some(q((0, 1), (-1, 2), -1)));
    assert_eq!(Quad::zero().recip(), None);
    assert_eq!(common_field([&s2, &Quad::rat(r(3, 1))]), Some(2));
    assert_eq!(common_field([&s2, &z]), None);
}

#[test]
fn exact_signs() {
    // 3 - 2√2 = 0.17 > 0; 1 - √2 < 0; -3 + 2√2 < 0; 7 - 5√2 = -0.07 < 0.
    use std::cmp::Ordering::*;
    assert_eq!(q((3, 1), (-2, 1), 2).sign(), Some(Greater));
    assert_eq!(q((1, 1), (-1, 1), 2).sign(), Some(Less));
    assert_eq!(q((-3, 1), (2, 1), 2).sign(), Some(Less));
    assert_eq!(q((7, 1), (-5, 1), 2).sign(), Some(Less));
    assert_eq!(q((0, 1), (1, 1), -1).sign(), None);
    assert_eq!(Quad::zero().sign(), Some(Equal));
}

#[test]
fn display_reads_back() {
    assert_eq!(q((5, 2), (1, 2), 33).to_string(), "(5 + sqrt(33))/2");
    assert_eq!(q((5, 2), (-1, 2), 33).to_string(), "(5 - sqrt(33))/2");
    assert_eq!(q((0, 1), (2, 1), 2).to_string(), "2*sqrt(2)");
    // n/sqrt(d) when the coefficient is n/d and n^2 < d (unit vectors'
    // entries, below 1); larger ones rationalised: 3/sqrt(2) = 3*sqrt(2)/2,
    // 5/sqrt(15) = sqrt(15)/3.
    assert_eq!(q((0, 1), (-1, 2), 2).to_string(), "-1/sqrt(2)");
    assert_eq!(q((0, 1), (3, 2), 2).to_string(), "3*sqrt(2)/2");
    assert_eq!(q((0, 1), (1, 3), 15).to_string(), "sqrt(15)/3");
    assert_eq!(q((0, 1), (1, 3), 15).latex(), "\\frac{\\sqrt{15}}{3}");
    // x/sqrt(k) outside every field: (2i/3)/sqrt(2) = i*sqrt(2)/3 (x/k =
    // i/3); -i/sqrt(2) has |x|^2 = 1 < 2 (a unit vector's entry) and stays;
    // 3i/sqrt(2) (|x|^2 = 9 >= 2) is 3i*sqrt(2)/2.
    let two = Quad::rat(r(2, 1));
    let over = |x: Quad| Quad::over_sqrt(&x, &two).unwrap();
    assert_eq!(over(q((0, 1), (2, 3), -1)).to_string(), "i*sqrt(2)/3");
    assert_eq!(over(q((0, 1), (2, 3), -1)).latex(), "\\frac{i\\sqrt{2}}{3}");
    assert_eq!(over(q((0, 1), (-1, 1), -1)).to_string(), "-i/sqrt(2)");
    assert_eq!(over(q((0, 1), (3, 1), -1)).to_string(), "3i*sqrt(2)/2");
    assert_eq!(over(q((2, 3), (2, 3), -1)).to_string(), "(1 + i)*sqrt(2)/3");
    assert_eq!(q((0, 1), (1, 3), 6).to_string(), "2/sqrt(6)");
    assert_eq!(q((0, 1), (3, 4), 2).to_string(), "3*sqrt(2)/4");
    assert_eq!(q((0, 1), (-1, 2), 2).latex(), "-\\frac{1}{\\sqrt{2}}");
    assert_eq!(q((1, 1), (2, 1), -1).to_string(), "1 + 2i");
    assert_eq!(q((0, 1), (-1, 1), -1).to_string(), "-i");
    assert_eq!(q((1, 2), (1, 2), -3).to_string(), "(1 + sqrt(-3))/2");
    assert_eq!(q((1, 3), (1, 2), 2).to_string(), "(2 + 3*sqrt(2))/6");
    assert_eq!(q((5, 2), (1, 2), 33).latex(), "\\frac{5 + \\sqrt{33}}{2}");
    assert_eq!(q((1, 1), (-2, 1), -1).latex(), "1 - 2i");
}

#[test]
fn elimination_over_the_field() {
    // A = [1 √2; √2 3]: det = 3 - 2 = 1, inv = [3 -√2; -√2 1].
    let s2 = q((0, 1), (1, 1), 2);
    let one = Quad::rat(r(1, 1));
    let a = QuadMat::from_row_slice(
        2,
        2,
        &[one.clone(), s2.clone(), s2.clone(), Quad::rat(r(3, 1))],
    );
    assert_eq!(field::det(&a), one);
    let inv = QuadMat::from_row_slice(2, 2, &[Quad::rat(r(3, 1)), -&s2, -&s2, one.clone()]);
    assert_eq!(field::inv(&a), Some(inv));
    // [1 √3; √3 3] has rank 1, null space [-√3; 1].
    let s3 = q((0, 1), (1, 1), 3);
    let b = QuadMat::from_row_slice(
        2,
        2,
        &[one.clone(), s3.clone(), s3.clone(), Quad::rat(r(3, 1))],
    );
    assert_eq!(field::rank(&b), 1);
    assert_eq!(
        field::null(&b),
        QuadMat::from_column_slice(2, 1, &[-&s3, one])
    );
}

#[test]
fn quadratic_factors() {
    // λ² - 5λ - 2 (eig of [1 2; 3 4]): D = 25 + 8 = 33.
    let s = split(&[r(1, 1), r(-5, 1), r(-2, 1)]);
    assert_eq!(s.quadratic.len(), 1);
    assert_eq!(s.quadratic[0].disc, r(33, 1));
    assert_eq!(
        s.roots(),
        vec![q((5, 2), (1, 2), 33), q((5, 2), (-1, 2), 33)]
    );
    // (x - 1)(x² + 1)(x² - 2) = x^5 - x^4 - x^3 + x^2 - 2x + 2.
    let s = split(&[1, -1, -1, 1, -2, 2].map(|c| r(c, 1)));
    assert_eq!(s.rational, vec![(r(1, 1), 1)]);
    assert_eq!(s.quadratic.len(), 2);
    assert_eq!(s.leftover, vec![r(1, 1)]);
    // (x² + 1)^2 = x^4 + 2x^2 + 1: the factor twice.
    let s = split(&[1, 0, 2, 0, 1].map(|c| r(c, 1)));
    assert_eq!(s.quadratic.len(), 1);
    assert_eq!(s.quadratic[0].multiplicity, 2);
    // x^3 - 2 is irreducible: nothing exact.
    let s = split(&[1, 0, 0, -2].map(|c| r(c, 1)));
    assert!(s.quadratic.is_empty() && s.leftover.len() == 4);
    // A rotation by 90°: ±i, i first (imaginary part descending).
    let rot = crate::exact::matrix::from_i64_rows(2, 2, &[0, -1, 1, 0]);
    assert_eq!(
        eig_split(&rot),
        Some(vec![q((0, 1), (1, 1), -1), q((0, 1), (-1, 1), -1)])
    );
}

#[test]
fn complex_order_is_modulus_then_argument() {
    // Every Gaussian integer a + bi with |a|, |b| <= 3 against every other:
    // the exact order must agree with (|z|², atan2(b, a)) in floats, which
    // are exact for the squares and far apart for distinct arguments.
    let pts: Vec<(i64, i64)> = (-3..=3)
        .flat_map(|a| (-3..=3).map(move |b| (a, b)))
        .collect();
    let key = |(a, b): (i64, i64)| ((a * a + b * b) as f64, (b as f64).atan2(a as f64));
    for &x in &pts {
        for &y in &pts {
            let want = key(x).partial_cmp(&key(y)).unwrap();
            let got = cmp_abs_arg(&q((x.0, 1), (x.1, 1), -1), &q((y.0, 1), (y.1, 1), -1));
            assert_eq!(got, Some(want), "{x:?} vs {y:?}");
        }
    }
    // sqrt(-2) field: |1 + √-2|² = 3, between |3/2|² = 9/4 and |-2|² = 4;
    // against its conjugate (same modulus) the argument atan(√2) > 0 wins.
    let z = q((1, 1), (1, 1), -2);
    assert_eq!(
        cmp_abs_arg(&z, &Quad::rat(r(3, 2))),
        Some(Ordering::Greater)
    );
    assert_eq!(cmp_abs_arg(&z, &Quad::rat(r(-2, 1))), Some(Ordering::Less));
    assert_eq!(cmp_abs_arg(&z, &z.conj()), Some(Ordering::Greater));
    // Fields differ or are real: no exact answer.
    assert_eq!(cmp_abs_arg(&z, &Quad::i()), None);
    assert_eq!(cmp_abs_arg(&q((0, 1), (1, 1), 2), &Quad::i()), None);
}

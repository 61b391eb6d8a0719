//! The primes of the multimodular routines (`exact::modp`) are prime: a
//! composite modulus would make `det`, `A\b`, `rank` and `rref` of large
//! exact matrices silently wrong. Reached through the library, since no
//! built-in exposes the test.

use la::exact::modp::{is_prime, primes};

#[test]
fn carmichael_numbers_are_not_prime() {
    // 252601 = 41 * 61 * 101 and 1024651 = 19 * 199 * 271 are Carmichael
    // numbers (n - 1 is a multiple of p - 1 for each factor p: Korselt), so
    // a^(n-1) = 1 mod n for every base a coprime to n: a Fermat test passes
    // them; Miller-Rabin's squaring chain does not. Their factors are all
    // past the trial divisors (2 to 37).
    for (n, factors) in [(252_601u32, [41, 61, 101]), (1_024_651, [19, 199, 271])] {
        assert_eq!(factors.iter().product::<u32>(), n);
        assert!(factors.iter().all(|p| (n - 1) % (p - 1) == 0), "{n}");
        assert!(!is_prime(n), "{n} is composite");
    }
}

#[test]
fn the_primes_below_2_31_agree_with_trial_division() {
    // The largest primes below 2^31, by trial division (Python:
    // [p for p in range(2**31 - 1, 2**31 - 200, -2) if all(p % d for d in
    // range(3, isqrt(p) + 1, 2))]).
    let want = [
        2_147_483_647u32,
        2_147_483_629,
        2_147_483_587,
        2_147_483_579,
        2_147_483_563,
        2_147_483_549,
        2_147_483_543,
        2_147_483_497,
        2_147_483_489,
        2_147_483_477,
    ];
    let got: Vec<u32> = primes().take(want.len()).collect();
    assert_eq!(got, want);
    // Every odd number between them is composite.
    for n in (want[want.len() - 1]..=want[0]).step_by(2) {
        assert_eq!(is_prime(n), want.contains(&n), "{n}");
    }
}

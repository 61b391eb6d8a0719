//! The symmetric eigensolver end to end at a size that takes the two-thread
//! path and several reduction panels (n = 400 > 150, the parallel threshold,
//! and > 256, where the symmetric product splits over two threads):
//! eigenvalues against closed forms, eigenvectors by A V = V D and V' V = I.

mod common;
use common::{assert_close, matrix};

const N: usize = 400;

/// Eigenvalues of the 1-2-1 Laplacian: 2 - 2 cos(k pi / (n + 1)), which
/// `eig` lists descending.
#[test]
fn laplacian_eigenvalues_match_the_closed_form() {
    let src =
        format!("n = {N}; e = ones(n - 1, 1); L = 2*eye(n) - diag(e, 1) - diag(e, -1); eig(L)");
    let (rows, cols, got) = matrix(&src);
    assert_eq!((rows, cols), (N, 1));
    let want: Vec<f64> = (1..=N)
        .rev()
        .map(|k| 2.0 - 2.0 * (k as f64 * std::f64::consts::PI / (N + 1) as f64).cos())
        .collect();
    assert_close(&got, &want, 1e-12);
}

/// A = Q diag(d) Q' with Q orthogonal (from qr): eig gives d back, and the
/// eigenvectors satisfy A V = V D and V' V = I to a few hundred ulps.
#[test]
fn prescribed_spectrum_and_eigenvector_identities() {
    let src = format!(
        "n = {N}; [Q, R] = qr(rand(n) - 0.5); d = (1:n)' / 8 - 20; A = Q*diag(d)*Q'; \
         A = (A + A') / 2; [V, D] = eig(A); \
         [max(abs(diag(D) - flipud(d))), norm(A*V - V*D) / norm(A), norm(V'*V - eye(n))]"
    );
    let (_, _, r) = matrix(&src);
    assert!(r[0] <= 1e-11, "eigenvalue error {}", r[0]);
    assert!(r[1] <= 1e-13, "residual {}", r[1]);
    assert!(r[2] <= 1e-12, "orthogonality {}", r[2]);
}

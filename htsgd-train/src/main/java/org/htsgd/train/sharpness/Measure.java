package org.htsgd.train.sharpness;

/** The sharpness and heavy-tail measures {@link Sharpness#measure} can compute (issue 5, paper.md §4.4–4.7). */
public enum Measure {
    /** Expected sharpness \( E|L(\theta+\nu) - L(\theta)| \), \(\nu \sim N(0, \delta^2 I)\) (paper.md §4.4). */
    EXPECTED,
    /** PAC-Bayes sharpness \( 1/\sigma'^2 \) (Jiang et al. 2020; paper.md §4.6). */
    PAC_BAYES,
    /** Maximal (worst-case) sharpness \( 1/\alpha'^2 \) (Jiang et al. 2020; paper.md §4.6). */
    MAXIMAL,
    /** Top Hessian eigenvalue (power iteration) and Hessian trace (Hutchinson). */
    HESSIAN,
    /** Tail index of the minibatch gradient noise (Hill; Mohammadi et al. as in Simsekli et al. 2019). */
    TAIL
}

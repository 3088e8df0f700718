package org.htsgd.core.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Factories' validation and the {@code --noise} spec parser. */
class NoiseLawsTest {
    /** Tail indices the paper rejects (alpha <= 1), and values that are no numbers or not finite. */
    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, 0, -1.2, 0.5, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void badAlphaIsRejected(double alpha) {
        assertMessage(() -> SymmetricLomax.of(alpha, 0.1), "alpha is not");
        assertMessage(() -> SymmetricLomaxSampler.of(null, alpha, 0.1), "alpha is not");
        assertMessage(() -> ClassicalPareto.of(alpha, 1), "alpha is not");
        assertMessage(() -> ClassicalPareto.oneSided(alpha, 1), "alpha is not");
        assertMessage(() -> SymmetricStable.of(alpha, 1), "alpha is not");
        assertMessage(() -> StudentT.of(alpha, 1), "df (= alpha) is not");
    }

    @Test
    void alphaAtMostOneMessageSaysThePaperNeedsAlphaAboveOne() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricLomax.of(1, 1));
        assertEquals("alpha is not finite and > 1 (the paper needs alpha > 1 so that the noise has a finite mean): 1.0",
            e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, 0, -0.1, Double.POSITIVE_INFINITY})
    void badScaleIsRejected(double scale) {
        assertMessage(() -> SymmetricLomax.of(1.2, scale), "scale is not finite and > 0");
        assertMessage(() -> ClassicalPareto.of(1.2, scale), "scale is not finite and > 0");
        assertMessage(() -> SymmetricStable.of(1.5, scale), "scale is not finite and > 0");
        assertMessage(() -> StudentT.of(3, scale), "scale is not finite and > 0");
        assertMessage(() -> Gaussian.of(scale), "sigma is not finite and > 0");
    }

    @Test
    void boundariesAreAcceptedOrRejectedExactly() {
        assertEquals(Math.nextUp(1.0), SymmetricLomax.of(Math.nextUp(1.0), 1).alpha());
        assertEquals(Double.MIN_VALUE, SymmetricLomax.of(1.2, Double.MIN_VALUE).scale());
        assertEquals(2.0, SymmetricStable.of(2, 1).stabilityIndex());
        assertMessage(() -> SymmetricStable.of(Math.nextUp(2.0), 1), "alpha is not in (1, 2]");
        assertMessage(() -> IsotropicNoise.of(0, Gaussian.of(1)), "dimension is not >= 1: 0");
        assertMessage(() -> IsotropicNoise.of(2, null), "radiusLaw is not set");
    }

    static Stream<NoiseLaw> laws() {
        return Stream.of(SymmetricLomax.of(1.2, 0.1), ClassicalPareto.of(1.2, 1), ClassicalPareto.oneSided(1.5, 0.75),
            SymmetricStable.of(1.5, 2), SymmetricStable.of(2, 1), StudentT.of(3, 0.5), Gaussian.of(1),
            SymmetricLomax.of(Math.nextUp(1.0), 1e-300), Gaussian.of(0.1 + 0.2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laws")
    void specRoundTrips(NoiseLaw law) {
        final String spec = NoiseLaws.spec(law);
        assertEquals(law, NoiseLaws.parse(spec), spec);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "lomax:alpha=1.2,scale=0.1; SymmetricLomax[alpha=1.2, scale=0.1]",
        "lomax:alpha=1.2; SymmetricLomax[alpha=1.2, scale=1.0]",
        " LOMAX : scale = 0.1 , Alpha = 1.2 ; SymmetricLomax[alpha=1.2, scale=0.1]",
        "pareto:alpha=1.2,scale=1; ClassicalPareto[alpha=1.2, scale=1.0, symmetric]",
        "pareto:alpha=1.2,scale=0.75,sided=one; ClassicalPareto[alpha=1.2, scale=0.75, one-sided]",
        "stable:alpha=1.5,scale=1; SymmetricStable[alpha=1.5, scale=1.0]",
        "student:df=3,scale=1; StudentT[df=3.0, scale=1.0]",
        "gaussian:sigma=1; Gaussian[sigma=1.0]",
        "gaussian; Gaussian[sigma=1.0]",
    })
    void parsesTheDocumentedSpecs(String spec, String expected) {
        assertEquals(expected, NoiseLaws.parse(spec).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "cauchy:alpha=1; Unknown noise law 'cauchy' in 'cauchy:alpha=1' (known: lomax, pareto, stable, student, gaussian).",
        "lomax:scale=0.1; Noise spec 'lomax:scale=0.1' is missing the required parameter 'alpha'.",
        "lomax:alpha=abc; Noise parameter 'alpha' in 'lomax:alpha=abc' is not a number: 'abc'.",
        "lomax:alpha=1.2,beta=0; Unknown parameter 'beta' for noise law 'lomax' in 'lomax:alpha=1.2,beta=0' (known: alpha, scale).",
        "lomax:alpha=1.2,alpha=1.3; Noise parameter 'alpha' is given twice in 'lomax:alpha=1.2,alpha=1.3'.",
        "lomax:alpha; Noise parameter 'alpha' in 'lomax:alpha' is not of the form key=value.",
        "lomax:alpha=0.9; Bad noise spec 'lomax:alpha=0.9': alpha is not finite and > 1 (the paper needs alpha > 1 so that the noise has a finite mean): 0.9",
        "stable:alpha=2.5; Bad noise spec 'stable:alpha=2.5': alpha is not in (1, 2] (stable laws need alpha <= 2, and the paper needs alpha > 1 so that the noise has a finite mean): 2.5",
        "gaussian:sigma=-1; Bad noise spec 'gaussian:sigma=-1': sigma is not finite and > 0: -1.0",
        "pareto:alpha=1.2,sided=three; Noise parameter 'sided' in 'pareto:alpha=1.2,sided=three' is not 'one' or 'two': 'three'.",
        "student:alpha=3; Unknown parameter 'alpha' for noise law 'student' in 'student:alpha=3' (known: df, scale).",
    })
    void badSpecsGiveOneClearSentence(String spec, String message) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoiseLaws.parse(spec));
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptySpecIsRejected() {
        assertMessage(() -> NoiseLaws.parse(""), "Noise spec is empty");
        assertMessage(() -> NoiseLaws.parse(null), "Noise spec is empty");
        final NoiseLaw foreign = new NoiseLaw() {
            @Override
            public double alpha() {
                return 2;
            }

            @Override
            public double tail(double x) {
                return Double.NaN;
            }

            @Override
            public double pPlus() {
                return 0.5;
            }

            @Override
            public org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler sampler(
                org.apache.commons.rng.UniformRandomProvider rng) {
                throw new UnsupportedOperationException();
            }
        };
        assertMessage(() -> NoiseLaws.spec(foreign), "Noise law has no spec");
    }

    @Test
    void conveniencesBuildThePapersLaws() {
        assertEquals(SymmetricLomax.of(1.2, 0.1), NoiseLaws.paper1d());
        assertEquals(IsotropicNoise.of(2, SymmetricLomax.of(1.2, 0.75)), NoiseLaws.paper2d());
        assertEquals(SymmetricLomax.of(1.5, 2), NoiseLaws.symmetricLomax(1.5, 2));
        assertEquals(ClassicalPareto.of(1.5, 2), NoiseLaws.classicalPareto(1.5, 2));
        assertEquals(SymmetricStable.of(1.5, 2), NoiseLaws.symmetricStable(1.5, 2));
        assertEquals(StudentT.of(1.5, 2), NoiseLaws.studentT(1.5, 2));
        assertEquals(Gaussian.of(2), NoiseLaws.gaussian(2));
        assertEquals(IsotropicNoise.of(3, StudentT.of(2, 1)), NoiseLaws.isotropic(3, "student:df=2"));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String start) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}

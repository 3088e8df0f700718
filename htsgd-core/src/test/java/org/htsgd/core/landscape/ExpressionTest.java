package org.htsgd.core.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 + 2 * 3 | 0 | 7",
        "-x^2 | 3 | -9",
        "2^3^2 | 0 | 512",
        "2^-1 | 0 | 0.5",
        "(1 + x) / (x - 1) | 3 | 2",
        "x^4 - x^2 + 0.1*x | -2 | 11.8",
        "exp(log(x)) + sqrt(x) + abs(-x) | 4 | 10",
        "sin(pi/2) + cos(0) + tan(0) + tanh(0) | 0 | 2",
        "1.5e2 + 2E-1 | 0 | 150.2",
        "x^x | 2 | 4",
        "e | 0 | 2.718281828459045"})
    void values(String text, double x, double expected) {
        assertEquals(expected, Expression.parse(text).evaluate(x, 0, null), 1e-12);
    }

    @Test
    void derivativesMatchFiniteDifferences1D() {
        String[] exprs = {"x^4 - x^2 + 0.1*x", "exp(-x^2) * sin(3*x)", "log(2 + cos(x)) / (1 + x^2)",
            "sqrt(1 + x^2) + tanh(x) + abs(x - 5) + tan(x/4)", "(1.5 + x)^(x/3 + 2)", "x^-2 + 1/x"};
        for (String s : exprs) {
            Expression e = Expression.parse(s);
            for (double x = 0.3; x < 1.9; x += 0.07) {
                double h = 1e-6;
                double fd = (e.evaluate(x + h, 0, null) - e.evaluate(x - h, 0, null)) / (2 * h);
                assertEquals(fd, e.derivative(x), 1e-6 * (1 + Math.abs(fd)), s + " at " + x);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences2D() {
        Landscape f = Landscapes.parse("expr:(x^2+y-11)^2+(x+y^2-7)^2");
        assertInstanceOf(ExpressionLandscape2D.class, f);
        double[] g = new double[2];
        double h = 1e-6;
        for (double x = -4; x <= 4; x += 0.5) {
            for (double y = -4; y <= 4; y += 0.5) {
                f.gradient(new double[] {x, y}, g);
                double dx = (f.value(new double[] {x + h, y}) - f.value(new double[] {x - h, y})) / (2 * h);
                double dy = (f.value(new double[] {x, y + h}) - f.value(new double[] {x, y - h})) / (2 * h);
                assertEquals(dx, g[0], 1e-6 * (1 + Math.abs(dx)));
                assertEquals(dy, g[1], 1e-6 * (1 + Math.abs(dy)));
            }
        }
        assertEquals(0, f.value(new double[] {3, 2}), 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x + | unexpected end of expression at position 4",
        "x * (1 + 2 | missing ')' at position 11",
        "foo(x) | unknown name 'foo'",
        "x # 2 | unexpected '#' at position 3",
        "sin x | function 'sin' needs '(' after it",
        "1.2.3 | malformed number '1.2.3' at position 1",
        "z + 1 | unknown name 'z' (variables are x and y"})
    void errorsNameProblemAndPosition(String text, String message) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Expression.parse(text));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void nestingIsBoundedSoNoFormulaOverflowsTheStack() {
        String deep = "(".repeat(20_000) + "x" + ")".repeat(20_000);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Expression.parse(deep));
        assertTrue(ex.getMessage().contains("nested deeper than " + Expression.MAX_NESTING + " levels"),
                ex.getMessage());
        assertTrue(ex.getMessage().length() < 200, "the 40,001-character source is abbreviated: " + ex.getMessage());
        // signs and exponents nest too
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("-".repeat(20_000) + "x"));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x" + "^x".repeat(20_000)));
        // the deepest accepted nesting still parses and evaluates (the top level counts as one)
        int ok = Expression.MAX_NESTING - 1;
        assertEquals(3.0, Expression.parse("(".repeat(ok) + "x" + ")".repeat(ok)).evaluate(3, 0, null));
    }

    @Test
    void parseBuiltInsAndOptions() {
        Landscape p = Landscapes.parse("paper1d");
        assertInstanceOf(Paper1D.class, p);
        assertEquals(1.6, ((Landscape1D) p).domain().hi());
        assertEquals(1.5, ((Landscape1D) Landscapes.parse("paper1d;L=1.5")).domain().hi());
        ModifiedHimmelblau h = (ModifiedHimmelblau) Landscapes.parse("himmelblau;cx=0.3;R=4");
        assertEquals(0.3, h.cx());
        assertEquals(4, h.domain().radius());
        DoubleWell w = (DoubleWell) Landscapes.parse("doublewell;m1=-0.5;s=0.2;m2=1;k=1;L=1.5");
        assertEquals(0, w.derivative(0.2), 1e-15);
        Landscape1D e = (Landscape1D) Landscapes.parse("expr:x^4 - x^2 + 0.1*x;L=3");
        assertEquals(3, e.domain().hi());
        assertEquals(4 * 8 - 2 * 2 + 0.1, e.derivative(2), 1e-12);
        Landscape1D e2 = (Landscape1D) Landscapes.parse("expr:x^2;lo=-1;hi=4");
        assertEquals(-1, e2.domain().lo());
        assertEquals(2, ((Landscape1D) Landscapes.parse("expr:x")).domain().hi());
        assertEquals(5, ((Domain.Ball) Landscapes.parse("expr:x*y").domain()).radius());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nosuch | unknown landscape 'nosuch'",
        "paper1d;L=abc | landscape option L is not a number",
        "paper1d;R=2 | option 'R' is not valid for paper1d",
        "paper1d;L | landscape option is not key=value",
        "expr:x;lo=1 | give either L or both lo and hi",
        "expr:x*y;L=2 | option 'L' is not valid for a 2-D expression",
        "expr: | expression is empty"})
    void parseErrors(String spec, String message) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Landscapes.parse(spec));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }
}

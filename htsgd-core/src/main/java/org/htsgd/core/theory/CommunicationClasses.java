package org.htsgd.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.core.validation.Require;

/**
 * The communication classes of a directed graph on \(0,\dots,n-1\) (paper.md §2.3): \(i\) and \(j\) communicate if
 * each reaches the other (every node reaches itself); a class is <b>absorbing</b> if no edge leaves it and
 * <b>transient</b> otherwise; the graph is <b>irreducible</b> if there is one class. Transitive closure by
 * Floyd–Warshall (the graphs are small: one node per attraction field). Classes are ordered by smallest member,
 * members ascending. Immutable.
 */
public final class CommunicationClasses {
    /** Classes. */
    private final List<int[]> classes;
    /** Class of each node. */
    private final int[] classOf;
    /** Absorbing flag per class. */
    private final boolean[] absorbing;

    private CommunicationClasses(boolean[][] edge) {
        int n = edge.length;
        boolean[][] reach = new boolean[n][];
        for (int i = 0; i < n; i++) {
            reach[i] = edge[i].clone();
            reach[i][i] = true;
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (reach[i][k]) {
                    for (int j = 0; j < n; j++) {
                        reach[i][j] |= reach[k][j];
                    }
                }
            }
        }
        classes = new ArrayList<>();
        classOf = new int[n];
        Arrays.fill(classOf, -1);
        for (int i = 0; i < n; i++) {
            if (classOf[i] >= 0) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int j = i; j < n; j++) {
                if (reach[i][j] && reach[j][i]) {
                    members.add(j);
                    classOf[j] = classes.size();
                }
            }
            classes.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
        absorbing = new boolean[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            boolean abs = true;
            for (int i : classes.get(c)) {
                for (int j = 0; j < n; j++) {
                    abs &= !(edge[i][j] && classOf[j] != c);
                }
            }
            absorbing[c] = abs;
        }
    }

    /**
     * @param edge adjacency, {@code edge[i][j]} iff \(i \to j\); square
     * @return the classes
     * @throws IllegalArgumentException if the matrix is null, empty or not square
     */
    public static CommunicationClasses of(boolean[][] edge) {
        Require.nonNull(edge, "adjacency");
        Require.positive(edge.length, "number of nodes");
        for (boolean[] row : edge) {
            if (row == null || row.length != edge.length) {
                throw new IllegalArgumentException("adjacency is not square: " + edge.length + " rows");
            }
        }
        return new CommunicationClasses(edge);
    }

    /** @return the classes (copies), ordered by smallest member */
    public List<int[]> classes() {
        List<int[]> c = new ArrayList<>();
        for (int[] m : classes) {
            c.add(m.clone());
        }
        return c;
    }

    /** @param node a node @return the index of its class */
    public int classOf(int node) {
        return classOf[node];
    }

    /** @param c a class index @return whether no edge leaves it */
    public boolean isAbsorbing(int c) {
        return absorbing[c];
    }

    /** @return whether all nodes communicate */
    public boolean isIrreducible() {
        return classes.size() == 1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CommunicationClasses[");
        for (int c = 0; c < classes.size(); c++) {
            sb.append(c == 0 ? "" : ", ").append(Arrays.toString(classes.get(c)))
                .append(absorbing[c] ? " absorbing" : " transient");
        }
        return sb.append(']').toString();
    }
}

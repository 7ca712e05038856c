package dev.runtape.projections.lineage;

import java.util.Arrays;

/** A growing list of ints, unboxed: a graph's adjacency lists and a walk's frontier hold hundreds of thousands. */
final class IntList {

    private int[] values;
    private int size;

    IntList(int capacity) {
        this.values = new int[Math.max(1, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}

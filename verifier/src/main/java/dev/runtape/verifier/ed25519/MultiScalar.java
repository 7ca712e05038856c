package dev.runtape.verifier.ed25519;

import java.util.Arrays;
import java.util.List;

/**
 * Σ [k_i] P_i by Pippenger's bucket method with signed digits: the scalars are cut into windows of c bits, digits
 * in [-2^(c-1), 2^(c-1)]; in each window every point is added to (or subtracted from) the bucket of its digit's
 * magnitude, and the buckets are summed with weights by two running sums. For n points of b-bit scalars this costs
 * about (b/c)·(n + 2^c) additions instead of the b doublings and b/2 additions per point of one multiplication each.
 */
final class MultiScalar {

    /** The neutral element, copied into a point to reset it; never changed. */
    private static final EdwardsPoint IDENTITY = EdwardsPoint.identity();

    private MultiScalar() {
    }

    /**
     * @param points the points
     * @param scalars each point's scalar, 32 bytes little-endian, below 2^255
     */
    static EdwardsPoint sum(List<EdwardsPoint> points, List<byte[]> scalars) {
        int n = points.size();
        int c = window(n);
        int windows = (256 + c - 1) / c + 1;
        int[][] digits = new int[n][];
        EdwardsPoint.Cached[] cached = new EdwardsPoint.Cached[n];
        for (int i = 0; i < n; i++) {
            digits[i] = digits(scalars.get(i), c, windows);
            cached[i] = points.get(i).cached();
        }
        EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
        int buckets = 1 << (c - 1);
        EdwardsPoint[] bucket = new EdwardsPoint[buckets + 1];
        for (int b = 1; b <= buckets; b++) {
            bucket[b] = EdwardsPoint.identity();
        }
        boolean[] filled = new boolean[buckets + 1];
        EdwardsPoint result = EdwardsPoint.identity();
        EdwardsPoint running = EdwardsPoint.identity();
        EdwardsPoint weighted = EdwardsPoint.identity();
        boolean started = false;
        for (int w = windows - 1; w >= 0; w--) {
            if (started) {
                for (int k = 0; k < c; k++) {
                    result.twice(k == c - 1, s);
                }
            }
            Arrays.fill(filled, false);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                int d = digits[i][w];
                if (d == 0) {
                    continue;
                }
                int magnitude = Math.abs(d);
                if (!filled[magnitude]) {
                    bucket[magnitude].set(IDENTITY);
                    filled[magnitude] = true;
                }
                if (d > 0) {
                    bucket[magnitude].add(cached[i], s);
                } else {
                    bucket[magnitude].subtract(cached[i], s);
                }
                any = true;
            }
            if (!any) {
                continue;
            }
            // Σ b·bucket[b] = Σ_b (bucket[top] + ... + bucket[b]): two running sums from the top bucket down.
            running.set(IDENTITY);
            weighted.set(IDENTITY);
            boolean runningEmpty = true;
            for (int b = buckets; b >= 1; b--) {
                if (filled[b]) {
                    running.add(bucket[b], s);
                    runningEmpty = false;
                }
                if (!runningEmpty) {
                    weighted.add(running, s);
                }
            }
            result.add(weighted, s);
            started = true;
        }
        return result;
    }

    /** The window that about minimises (256/c)·(n + 2^(c-1)). */
    static int window(int n) {
        int best = 1;
        long bestCost = Long.MAX_VALUE;
        for (int c = 2; c <= 16; c++) {
            long cost = ((256L + c - 1) / c) * (n + (1L << (c - 1)));
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /**
     * The scalar's signed digits of c bits, least significant first: digit_w in [-2^(c-1), 2^(c-1)], Σ digit_w·2^(cw)
     * = scalar. One window more than the scalar's width takes the last carry.
     */
    static int[] digits(byte[] scalar, int c, int windows) {
        int[] out = new int[windows];
        int carry = 0;
        int half = 1 << (c - 1);
        for (int w = 0; w < windows; w++) {
            int value = bits(scalar, w * c, c) + carry;
            if (value > half) {
                out[w] = value - (1 << c);
                carry = 1;
            } else {
                out[w] = value;
                carry = 0;
            }
        }
        return out;
    }

    /** The {@code count} bits of the little-endian {@code scalar} from bit {@code from} on (0 beyond its end). */
    private static int bits(byte[] scalar, int from, int count) {
        int value = 0;
        for (int k = 0; k < count; k++) {
            int bit = from + k;
            if (bit < 256 && ((scalar[bit >>> 3] >>> (bit & 7)) & 1) != 0) {
                value |= 1 << k;
            }
        }
        return value;
    }
}

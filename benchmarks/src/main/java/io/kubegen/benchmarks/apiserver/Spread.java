package io.kubegen.benchmarks.apiserver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The median, minimum and maximum of one figure over several rounds. */
record Spread(double median, double min, double max, int rounds) {

  static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Spread(median, v[0], v[n - 1], n);
  }

  /** {@code median (min–max)} with {@code format} for each number, e.g. {@code "%,.0f"}. */
  String format(String format) {
    if (rounds == 0) {
      return "n/a";
    }
    String median = String.format(Locale.ROOT, format, this.median);
    if (rounds == 1) {
      return median;
    }
    return median + " (" + String.format(Locale.ROOT, format, min) + "–" + String.format(Locale.ROOT, format, max) + ")";
  }
}

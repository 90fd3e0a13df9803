package com.aurouslabs.toolkit.conformance.budget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A greedy all-pairs generator (deterministic): every pair of levels of any two factors appears in some row. */
final class Pairwise {

  private Pairwise() {}

  static List<List<Object>> cover(List<List<Object>> factors) {
    Set<String> uncovered = new HashSet<>();
    for (int i = 0; i < factors.size(); i++) {
      for (int j = i + 1; j < factors.size(); j++) {
        for (int a = 0; a < factors.get(i).size(); a++) {
          for (int b = 0; b < factors.get(j).size(); b++) {
            uncovered.add(i + ":" + a + "|" + j + ":" + b);
          }
        }
      }
    }
    List<int[]> all = new ArrayList<>();
    product(factors, 0, new int[factors.size()], all);
    List<List<Object>> rows = new ArrayList<>();
    while (!uncovered.isEmpty()) {
      int[] best = null;
      int bestGain = -1;
      for (int[] cand : all) {
        int gain = 0;
        for (String p : pairs(cand)) {
          if (uncovered.contains(p)) {
            gain++;
          }
        }
        if (gain > bestGain) {
          bestGain = gain;
          best = cand;
        }
      }
      pairs(best).forEach(uncovered::remove);
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < best.length; i++) {
        row.add(factors.get(i).get(best[i]));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> pairs(int[] row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      for (int j = i + 1; j < row.length; j++) {
        out.add(i + ":" + row[i] + "|" + j + ":" + row[j]);
      }
    }
    return out;
  }

  private static void product(List<List<Object>> f, int i, int[] cur, List<int[]> out) {
    if (i == f.size()) {
      out.add(cur.clone());
      return;
    }
    for (int a = 0; a < f.get(i).size(); a++) {
      cur[i] = a;
      product(f, i + 1, cur, out);
    }
  }
}

package id.rekber.studio;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two model files (longest common subsequence), for the version comparison. */
final class LineDiff {
  record Line(char op, String text) {}

  private LineDiff() {}

  static List<Line> of(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add(new Line(' ', a[i++]));
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        lines.add(new Line('+', b[j++]));
      } else {
        lines.add(new Line('-', a[i++]));
      }
    }
    return lines;
  }

  /** Only the changed lines, with up to two lines of context. */
  static List<Line> changes(String before, String after) {
    List<Line> all = of(before, after);
    List<Line> shown = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      boolean near = false;
      for (int d = -2; d <= 2 && !near; d++) {
        int n = k + d;
        near = n >= 0 && n < all.size() && all.get(n).op() != ' ';
      }
      if (near) {
        shown.add(all.get(k));
      }
    }
    return shown;
  }
}

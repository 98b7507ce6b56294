package io.kubegen.benchmarks.apiserver;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The servers side by side, one column each, as a Markdown table: every figure as the median of
 * its rounds with the minimum and maximum, and the errors of each phase. Problems are listed
 * under the table, one line each.
 */
final class ResultTable {
  private ResultTable() {}

  static void print(Workload work, List<ServerResults> servers, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("", servers, r -> r.server));
    rows.add(row(String.format(Locale.ROOT, "creates/s, %d threads (%d rounds of %d s)", work.threads(),
        work.createRounds(), work.createSeconds()), servers, r -> Spread.of(r.createsPerSecond).format("%,.0f")));
    rows.add(row("server CPU per create, µs", servers, r -> Spread.of(r.cpuMicrosPerCreate).format("%.0f")));
    rows.add(row("… of it on request threads, µs", servers, r -> Spread.of(r.requestCpuMicrosPerCreate).format("%.0f")));
    rows.add(row(String.format(Locale.ROOT, "full list of %,d objects, ms (%d rounds)", work.listObjects(), work.lists()),
        servers, r -> Spread.of(r.listMillis).format("%.1f")));
    rows.add(row("full list, objects/s", servers, r -> Spread.of(r.listObjectsPerSecond).format("%,.0f")));
    rows.add(row("list size, bytes", servers, r -> String.format(Locale.ROOT, "%,d", r.listBytes)));
    rows.add(row(String.format(Locale.ROOT, "paged list (limit=500), ms (%d rounds)", work.pagedLists()), servers,
        r -> Spread.of(r.pagedListMillis).format("%.1f") + (r.pages == 1 && work.listObjects() > 500
            ? ", limit ignored: 1 page" : ", " + r.pages + " pages")));
    rows.add(row(String.format(Locale.ROOT, "watch fan-out %d watchers × %,d events, events/s delivered (%d rounds)",
        work.watchers(), work.watchEvents(), work.watchRounds()), servers,
        r -> Spread.of(r.fanOutEventsPerSecond).format("%,.0f")));
    rows.add(row("fan-out writer, creates/s", servers, r -> Spread.of(r.fanOutWritesPerSecond).format("%,.0f")));
    rows.add(row("watched over", servers, r -> r.watchedOver));
    rows.add(row("errors: creates / lists / watch", servers,
        r -> r.createErrors + " / " + r.listErrors + " / " + r.watchErrors));
    rows.add(row("server log lines with errors", servers, r -> Integer.toString(r.serverErrorLines)));
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      out.println(line(rows.get(r), widths));
      if (r == 0) {
        String[] rule = new String[widths.length];
        for (int i = 0; i < rule.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        out.println(line(rule, widths));
      }
    }
    for (ServerResults r : servers) {
      if (r.problems.isEmpty()) {
        out.println(r.server + ": every create, list and watch event checked, no errors");
      } else {
        out.println(r.server + ": " + r.errors() + " ERRORS; the rates above leave out the failed rounds:");
        r.problems.forEach(p -> out.println("  - " + p));
      }
    }
  }

  private static String[] row(String label, List<ServerResults> servers, Function<ServerResults, String> cell) {
    String[] row = new String[servers.size() + 1];
    row[0] = label;
    for (int i = 0; i < servers.size(); i++) {
      row[i + 1] = cell.apply(servers.get(i));
    }
    return row;
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
    }
    return sb.toString();
  }
}

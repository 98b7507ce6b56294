package io.kubegen.benchmarks.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one server over all rounds, and every error seen, for the side-by-side table.
 * Filled by one thread ({@link ServerBenchmark}); read after it finished.
 */
final class ServerResults {
  final String server;
  final String watchedOver;
  final List<Double> createsPerSecond = new ArrayList<>();
  final List<Double> cpuMicrosPerCreate = new ArrayList<>();
  final List<Double> requestCpuMicrosPerCreate = new ArrayList<>();
  final List<Double> listMillis = new ArrayList<>();
  final List<Double> listObjectsPerSecond = new ArrayList<>();
  final List<Double> pagedListMillis = new ArrayList<>();
  final List<Double> fanOutEventsPerSecond = new ArrayList<>();
  final List<Double> fanOutWritesPerSecond = new ArrayList<>();
  long listBytes;
  int pages;
  long storeObjectsAtEnd;
  int createErrors;
  int listErrors;
  int watchErrors;
  int serverErrorLines;
  /** One line per kind of error, for the report under the table. */
  final List<String> problems = new ArrayList<>();

  ServerResults(String server, String watchedOver) {
    this.server = server;
    this.watchedOver = watchedOver;
  }

  int errors() {
    return createErrors + listErrors + watchErrors;
  }

  void createError(String text) {
    createErrors++;
    problem(text);
  }

  void listError(String text) {
    listErrors++;
    problem(text);
  }

  void watchError(String text) {
    watchErrors++;
    problem(text);
  }

  void problem(String text) {
    problems.add(text);
    System.out.println("  PROBLEM: " + text);
  }
}

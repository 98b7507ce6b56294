package com.example.generated.listers;

/** Not kubegen's either, though in one of its packages: it must survive the listers' removal. */
final class Notes {
  private Notes() {}
}

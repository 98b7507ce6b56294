// With a JDK toolchain selected, the goal says that generation runs in the JDK running Maven
// (naming it and the --release the sources are read with), generates, and the main compile,
// which does use the toolchain, compiles the generated code.
def log = new File(basedir, 'build.log').text
assert log =~ /kubegen: generation runs in the JDK running Maven \(.+, Java 17[^)]*\), not in the toolchain's JDK\[.+\]; the sources are read with --release 17/
assert log =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written/
assert log =~ /Toolchain in maven-compiler-plugin: JDK\[/
assert new File(basedir, 'target/classes/com/example/generated/clientset/Clientset.class').isFile()
assert log.contains('BUILD SUCCESS')
return true

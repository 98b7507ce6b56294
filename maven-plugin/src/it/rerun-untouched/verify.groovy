// The second build generated again (forced) but found every file already as it would write it:
// no file was touched, so maven-compiler-plugin had nothing to compile.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^.*Building rerun-untouched 1\.0.*$/)
assert builds.size() == 3 : "two builds expected in build.log"
def first = builds[1]
def second = builds[2]
assert first =~ /kubegen: 1 resource type\(s\), (\d+) file\(s\) written/
assert first =~ /Of these generated files \d+ changed, 0 are unchanged/
assert first =~ /Compiling \d+ source files/
assert second =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written/
assert !second.contains('generation skipped')
assert second =~ /Of these generated files 0 changed, \d+ are unchanged and were not touched; 0 stale one\(s\) removed/
assert second.contains('Nothing to compile - all classes are up to date')
assert !second.contains('Changes detected')
return true

// The build failed on the model error, pointing at the annotated type with its message id.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def located = log =~ /Gadget\.java:9: \[kubegen\.not-a-resource\]/
assert located.find() : 'no error naming Gadget.java:9 and [kubegen.not-a-resource]'
assert log.contains('kubegen: 1 error(s) in the resource model')
// The error is reported once although three generators read the model.
assert log.findAll(/\[ERROR\] kubegen: .*Gadget\.java:9: \[kubegen\.not-a-resource\]/).size() == 1
assert !new File(basedir, 'target/generated-sources/kubegen/com/example/broken/generated/clientset/Clientset.java').exists()
assert !new File(basedir, 'target/kubegen-maven-plugin/last-generation.txt').exists()
// The second build skipped generation and so succeeded.
assert log.contains('kubegen: generation skipped (kubegen.skip)')
assert log.contains('BUILD SUCCESS')
return true

// Generation ran over the classes of the vendor-models jar, not over sources.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'models/target/vendor-models-1.0.jar').isFile()
assert !new File(basedir, 'models/target/generated-sources/kubegen').exists()
def generated = new File(basedir, 'clients/target/generated-sources/kubegen/com/example/use/kube')
assert new File(generated, 'clientset/vendor/v1/GizmoClient.java').isFile()
assert new File(generated, 'listers/vendor/v1/GizmoLister.java').text.contains('byMaker(')
assert new File(basedir, 'clients/target/classes/com/example/use/GizmoFinder.class').isFile()
assert new File(basedir, 'clients/target/vendor-clients-1.0.jar').isFile()
assert log =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written/
assert log.contains('BUILD SUCCESS')
return true

// kubegen ran after the record processor: GizmoSpec resolved (no [kubegen.unresolved-type]), the
// index goes through the record's accessor, and only kubegen's files are in its output folder
// (GizmoSpec comes from the main compile's own run of the record processor).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /kubegen: reading the model after the module's other annotation processors: com\.example\.records\.RecordProcessor/
assert !log.contains('[kubegen.')
def model = new File(basedir, 'model')
def generated = new File(model, 'target/generated-sources/kubegen')
def lister = new File(generated, 'com/example/generated/listers/gizmos/v1/GizmoLister.java').text
assert lister.contains('obj.spec()') && lister.contains('spec.owner()')
assert !new File(generated, 'com/example/gizmos/v1/GizmoSpec.java').exists()
assert new File(model, 'target/generated-sources/annotations/com/example/gizmos/v1/GizmoSpec.java').isFile()
assert new File(model, 'target/classes/com/example/gizmos/v1/GizmoIndex.class').isFile()
return true

// Generation ran in the types module only; the consumer module compiled against its output.
def generated = new File(basedir, 'api/target/generated-sources/kubegen/com/example/shop/v1beta1/generated')
assert new File(generated, 'clientset/Clientset.java').isFile()
assert new File(generated, 'clientset/shop/v1beta1/OrderClient.java').isFile()
assert new File(generated, 'clientset/shop/v1beta1/TillClient.java').isFile()
assert !new File(basedir, 'app/target/generated-sources/kubegen').exists()
assert new File(basedir, 'app/target/classes/com/example/shop/app/OrderDesk.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder')
assert log =~ /kubegen: 2 resource type\(s\), \d+ file\(s\) written/
assert log.contains('BUILD SUCCESS')
return true

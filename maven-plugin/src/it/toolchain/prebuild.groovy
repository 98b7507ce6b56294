// A toolchains.xml offering the JDK that runs the build as a "17" JDK toolchain.
def jdkHome = System.getProperty('java.home')
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides><version>17</version><vendor>it</vendor></provides>
    <configuration><jdkHome>${jdkHome}</jdkHome></configuration>
  </toolchain>
</toolchains>
"""
return true

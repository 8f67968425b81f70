package io.lotabots.attestation.model.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalPolicyTest {

    private final GlobalPolicy policy = GlobalPolicy.standard();

    @ParameterizedTest(name = "{0}.{1} is safe")
    @CsvSource({
        "collections, OrderedDict",
        "torch._utils, _rebuild_tensor_v2",
        "torch, FloatStorage",
        "torch, BFloat16Storage",
        "torch.nn.parameter, Parameter",
        "numpy.core.multiarray, _reconstruct",
        "numpy, dtype",
        "builtins, set",
        "__builtin__, set",
        "_codecs, encode"
    })
    void allowListedGlobalsAreSafe(String module, String name) {
        var verdict = policy.judge(module, name);
        assertEquals(ModelRisk.SAFE, verdict.severity(), verdict::reason);
    }

    @ParameterizedTest(name = "{0}.{1} is unsafe")
    @CsvSource({
        "os, system",
        "posix, system",
        "nt, system",
        "os.path, join",
        "subprocess, Popen",
        "builtins, eval",
        "builtins, exec",
        "builtins, getattr",
        "builtins, __import__",
        "__builtin__, eval",
        "__builtin__, apply",
        "commands, getoutput",
        "runpy, _run_code",
        "operator, attrgetter",
        "_operator, methodcaller",
        "functools, partial",
        "pkgutil, resolve_name",
        "pydoc, locate",
        "importlib, import_module",
        "inspect, getattr_static",
        "numpy.f2py.crackfortran, getlincoef",
        "asyncio.unix_events, _UnixSubprocessTransport",
        "trace, Trace.runctx",
        "code, InteractiveInterpreter.runcode",
        "torch.serialization, load",
        "torch._inductor.codecache, compile_file",
        "copyreg, add_extension",
        "copy_reg, add_extension",
        "pickle, loads",
        "_pickle, loads",
        "cPickle, loads",
        "webbrowser, open",
        "uuid, _get_command_stdout"
    })
    void denyListedGlobalsAreUnsafe(String module, String name) {
        var verdict = policy.judge(module, name);
        assertEquals(ModelRisk.UNSAFE, verdict.severity(), verdict::reason);
        assertEquals("pickle.denied-global", verdict.rule());
    }

    @Test
    void aStarModuleCoversItsSubmodulesButANamedModuleDoesNot() {
        assertEquals(ModelRisk.UNSAFE, policy.judge("subprocess.foo", "bar").severity());
        assertEquals(ModelRisk.SUSPICIOUS, policy.judge("logging", "getLogger").severity());
        assertEquals(ModelRisk.UNSAFE, policy.judge("logging", "FileHandler").severity());
        assertEquals(ModelRisk.SUSPICIOUS, policy.judge("operator", "add").severity());
    }

    @Test
    void unlistedGlobalsAreSuspicious() {
        var verdict = policy.judge("sklearn.linear_model", "LogisticRegression");
        assertEquals(ModelRisk.SUSPICIOUS, verdict.severity());
        assertEquals("pickle.unlisted-global", verdict.rule());
    }

    @Test
    void dottedNamesAreJudgedAsTheObjectTheWalkReaches() {
        var verdict = policy.judge("posixpath", "os.system");
        assertEquals(ModelRisk.UNSAFE, verdict.severity());
        assertEquals("os.system", verdict.judgedAs());
        assertEquals(ModelRisk.UNSAFE, policy.judge("tempfile", "_os.system").severity());
        assertEquals(ModelRisk.UNSAFE, policy.judge("shutil", "os.popen").severity());
        assertEquals(
                ModelRisk.UNSAFE, policy.judge("torch", "serialization.load").severity());
    }

    @Test
    void aWalkThroughADunderAttributeIsUnsafe() {
        var verdict = policy.judge("collections", "OrderedDict.__init__.__globals__");
        assertEquals(ModelRisk.UNSAFE, verdict.severity());
        assertEquals("pickle.dunder-walk", verdict.rule());
        assertEquals(
                ModelRisk.UNSAFE, policy.judge("__main__", "__builtins__.eval").severity());
    }

    @Test
    void aDottedNameIsNotAllowedThroughItsAllowListedParent() {
        assertEquals(
                ModelRisk.SUSPICIOUS,
                policy.judge("collections", "OrderedDict.fromkeys").severity());
    }

    @Test
    void pythonTwoNamesAreJudgedAsPythonThreeRenamesThem() {
        assertEquals(ModelRisk.UNSAFE, policy.judge("__builtin__", "intern").severity());
        assertEquals(ModelRisk.UNSAFE, policy.judge("urllib", "urlopen").severity());
        assertEquals(ModelRisk.SAFE, policy.judge("__builtin__", "xrange").severity(), "Python 3 reads it as range");
        assertEquals(
                ModelRisk.SUSPICIOUS, policy.judge("copy_reg", "_reconstructor").severity());
    }
}

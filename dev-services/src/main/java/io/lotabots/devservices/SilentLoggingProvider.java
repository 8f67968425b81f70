package io.lotabots.devservices;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Discards what zonky and jedis log through SLF4J. dev-services prints its own lines; without this, SLF4J would
 * bind to the logback inside the s3proxy jar on the classpath (exec:java orders that classpath at random),
 * configure it from s3proxy's logback.xml, and keep loading logback classes after exec:java closed the class
 * loader. Public because SLF4J instantiates it by name.
 */
public final class SilentLoggingProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggerFactory = new NOPLoggerFactory();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    /** Binds SLF4J in this class loader to this provider; must run before any library asks for a logger. */
    static void install() {
        String previous = System.getProperty("slf4j.provider");
        System.setProperty("slf4j.provider", SilentLoggingProvider.class.getName());
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            if (previous == null) {
                System.clearProperty("slf4j.provider");
            } else {
                System.setProperty("slf4j.provider", previous);
            }
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }
}

package vn.bhxh.cms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class with Elasticsearch nodes of its own (it stops, pauses or kills them, or needs an empty store): it
 * shares no data with the classes on the shared node, so it runs beside them (see junit-platform.properties), while
 * those keep running one after the other. Only one such class runs at a time: each starts nodes and applications of
 * its own, and the test machine has two cores.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("own-elasticsearch-nodes")
public @interface OwnElasticsearchNodes {
}

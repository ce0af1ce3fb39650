package vn.bhxh.cms.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the web pages. Page controllers live in their feature packages beside the API controllers, so the
 * pages' error handling ({@link WebErrors}) finds them by this mark rather than by package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}

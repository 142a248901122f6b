package plancheck.report;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one template engine of plancheck's HTML (the reports and the service's pages): Thymeleaf, with
 * templates under {@code src/main/resources/plancheck/templates/} ({@code report/…}, {@code service/…}),
 * HTML mode (text is escaped unless a template says otherwise), UTF-8, cached for the process.
 */
public final class Templates {
    private Templates() {}

    private static final TemplateEngine ENGINE = engine();

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        r.setPrefix("plancheck/templates/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    /**
     * @param template the template's name under plancheck/templates without ".html", e.g. {@code report/annual}
     * @param lang     "zh" or "en"
     * @param vars     the template's variables
     * @return the page
     */
    public static String render(String template, String lang, Map<String, Object> vars) {
        Context c = new Context("en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        c.setVariable("lang", lang);
        c.setVariables(vars);
        return ENGINE.process(template, c);
    }
}

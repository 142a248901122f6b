package plancheck.engine;

import java.util.List;

import plancheck.model.Text;

/**
 * The rules did not finish within their limits (firings or time, see {@link FiringGuard.Limits}), or one
 * rule's action overflowed the stack: nothing was checked (exit 2), and the message names the rules that
 * fired most or the rule that was running.
 */
public class RuleLimitException extends RuleDefectException {
    private final transient Text text;

    /** @param text what stopped the rules, in both languages */
    public RuleLimitException(Text text) {
        super(List.of(text.en()));
        this.text = text;
    }

    /** @return what stopped the rules, in both languages */
    public Text text() {
        return text;
    }
}

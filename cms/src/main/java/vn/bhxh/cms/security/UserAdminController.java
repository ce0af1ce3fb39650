package vn.bhxh.cms.security;

import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;

/**
 * Administrators manage users, roles and scopes (the security chain admits only ADMIN under /admin). Writes go through
 * the account store and are audited like the API's; a user is disabled, never deleted, so the audit trail keeps its names.
 */
@PageController
@RequestMapping("/admin/users")
class UserAdminController {

    static final int PAGE_SIZE = 100;

    private final UserService users;
    private final Refusals refusals;
    private final ScopeCheck scopes;

    UserAdminController(UserService users, Refusals refusals, ScopeCheck scopes) {
        this.users = users;
        this.refusals = refusals;
        this.scopes = scopes;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        // The page cuts an over-long text to the limit instead of refusing it; the box's maxlength says the same.
        String text = q == null ? "" : q.strip();
        text = text.length() > UserService.MAX_SEARCH ? text.substring(0, UserService.MAX_SEARCH) : text;
        model.addAttribute("users", users.list(text, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("q", text);
        model.addAttribute("maxSearch", UserService.MAX_SEARCH);
        model.addAttribute("names", scopes.choices(locale));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "admin/users";
    }

    @GetMapping("/new")
    String newForm(Model model, Locale locale) {
        model.addAttribute("form", UserForm.empty());
        return form(model, true, locale);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal AccountPrincipal admin, @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        // form is null when it could not even be built from the request (a value of the wrong type): errors say why.
        if (form != null && (form.password() == null || form.password().length() < UserService.MIN_PASSWORD)) {
            errors.rejectValue("password", "ui.user.passwordShort", new Object[] {UserService.MIN_PASSWORD}, null);
        }
        if (errors.hasErrors()) {
            return form(model, true, locale);
        }
        UserAccount created;
        try {
            created = users.create(admin.actor(), form.username(), form.change(form.password()));
        } catch (ApiException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return form(model, true, locale);
        }
        redirect.addFlashAttribute("flash", refusals.message("ui.user.created", locale, created.username()));
        return listShowing(created, redirect);
    }

    @GetMapping("/{username}")
    String editForm(@PathVariable String username, Model model, Locale locale) {
        UserAccount account = find(username);
        model.addAttribute("form", UserForm.of(account));
        model.addAttribute("editUsername", account.username());
        return form(model, false, locale);
    }

    @PostMapping("/{username}")
    String update(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String username,
            @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes redirect) {
        UserAccount current = find(username);
        model.addAttribute("editUsername", current.username());
        if (form == null) {
            return form(model, false, locale);
        }
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword && form.password().length() < UserService.MIN_PASSWORD) {
            errors.rejectValue("password", "ui.user.passwordShort", new Object[] {UserService.MIN_PASSWORD}, null);
        }
        if (!current.username().equals(UserAccount.normalize(String.valueOf(form.username())))) {
            errors.rejectValue("username", "ui.user.renamed");
        }
        if (errors.hasErrors()) {
            return form(model, false, locale);
        }
        UserAccount saved;
        try {
            saved = users.update(admin.actor(), current.username(), form.change(newPassword ? form.password() : null));
        } catch (ApiException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return form(model, false, locale);
        }
        redirect.addFlashAttribute("flash", refusals.message("ui.user.saved", locale, saved.username()));
        return listShowing(saved, redirect);
    }

    /** After a save the list opens on the saved account, wherever it falls among hundreds of others. */
    private static String listShowing(UserAccount account, RedirectAttributes redirect) {
        redirect.addAttribute("q", account.username());
        return "redirect:/admin/users";
    }

    private UserAccount find(String username) {
        return users.get(username);
    }

    private String form(Model model, boolean creating, Locale locale) {
        model.addAttribute("creating", creating);
        model.addAttribute("choices", scopes.choices(locale));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("minPassword", UserService.MIN_PASSWORD);
        return "admin/user-form";
    }
}

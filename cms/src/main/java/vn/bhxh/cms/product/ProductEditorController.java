package vn.bhxh.cms.product;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;

/**
 * The editor: create a product with its Vietnamese text, edit a variant's text (and, on the
 * Vietnamese source, the product's own fields). Input the service refuses is shown again with the reason; nothing typed is lost.
 */
@PageController
@RequestMapping("/products")
class ProductEditorController {

    private final ProductService products;
    private final ReferenceLists reference;
    private final Refusals refusals;

    ProductEditorController(ProductService products, ReferenceLists reference, Refusals refusals) {
        this.products = products;
        this.reference = reference;
        this.refusals = refusals;
    }

    @GetMapping("/new")
    String newForm(Model model, Locale locale) {
        model.addAttribute("form", ProductForm.empty());
        return form(model, locale, null, null);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal AccountPrincipal user, @Valid @ModelAttribute("form") ProductForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model, locale, null, null);
        }
        try {
            Variant created = products.createProduct(user.actor(), form.info(null), form.content(List.of()));
            redirect.addFlashAttribute("flash", refusals.message("ui.product.created", locale));
            return "redirect:/products/" + created.productId() + "/variants/vi";
        } catch (ApiException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return form(model, locale, null, null);
        }
    }

    @GetMapping("/{id}/variants/{language}/edit")
    String editForm(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model, Locale locale) {
        Variant variant = products.readVariant(user.actor(), id, language);
        ProductInfo info = variant.product();
        model.addAttribute("form", new ProductForm(info.type(), variant.content().title(), variant.content().summary(),
                variant.content().body(), info.topics(), info.audiences(), info.campaign(), info.ownerUnit(), null,
                Versions.etag(variant.seqNoPrimaryTerm())));
        return form(model, locale, variant, source(user.actor(), variant));
    }

    @PostMapping("/{id}/variants/{language}/edit")
    String save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @Valid @ModelAttribute("form") ProductForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes redirect) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        if (errors.hasErrors()) {
            return form(model, locale, variant, source(actor, variant));
        }
        try {
            // The text first, judged against the version the page was made from (a stale page is refused, 412 in the API);
            // then the product's own fields, which are not versioned by the page.
            products.editContent(actor, id, language, Versions.fromIfMatch(form.version()),
                    form.content(variant.content().assets()), form.comment());
            if (variant.isSource()) {
                Product product = products.readProduct(actor, id).product();
                ProductInfo changed = form.info(product.info());
                if (!Objects.equals(changed, product.info())) {
                    products.updateInfo(actor, id, product.seqNoPrimaryTerm(), changed);
                }
            }
            redirect.addFlashAttribute("flash", refusals.message("ui.product.saved", locale));
            return "redirect:/products/" + id + "/variants/" + language;
        } catch (ApiException | PreconditionFailedException | Versions.PreconditionRequiredException e) {
            model.addAttribute("formError", e instanceof Versions.PreconditionRequiredException
                    ? refusals.sentence("if-match-required", locale) : refusals.text((RuntimeException) e, locale));
            return form(model, locale, variant, source(actor, variant));
        }
    }

    private Variant source(Actor actor, Variant variant) {
        return variant.isSource() ? null : products.readVariant(actor, variant.productId(), Variant.SOURCE_LANGUAGE);
    }

    private String form(Model model, Locale locale, Variant variant, Variant source) {
        model.addAttribute("variant", variant);
        model.addAttribute("source", source);
        model.addAttribute("types", ProductType.values());
        model.addAttribute("topics", reference.names(ReferenceKind.TOPICS, locale));
        model.addAttribute("audiences", reference.names(ReferenceKind.AUDIENCE_GROUPS, locale));
        model.addAttribute("campaigns", reference.names(ReferenceKind.CAMPAIGNS, locale));
        model.addAttribute("units", reference.names(ReferenceKind.UNITS, locale));
        return "products/form";
    }
}

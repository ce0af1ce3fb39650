package vn.bhxh.cms.distribution;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.product.PublicationHooks;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.schedule.Withdrawal;

/** Keeps the schedule in step with the workflow: what is no longer approved as scheduled does not go out. */
@Component
class VariantPublicationGuard implements PublicationHooks {

    private final PublishSchedule schedule;
    private final Withdrawal withdrawal;
    private final TargetStore targets;
    private final NoticeBoard notices;

    VariantPublicationGuard(PublishSchedule schedule, Withdrawal withdrawal, TargetStore targets, NoticeBoard notices) {
        this.schedule = schedule;
        this.withdrawal = withdrawal;
        this.targets = targets;
        this.notices = notices;
    }

    @Override
    public void hold(Variant variant, String reason) {
        schedule.holdVariant(variant.productId(), variant.language(), reason);
    }

    @Override
    public void cancel(Variant variant, String reason) {
        schedule.cancelVariant(variant.productId(), variant.language(), reason);
    }

    /** Removes what went out where the service allows it; the rest is told to the targets' admins, with its URL. */
    @Override
    public void withdrawn(Variant variant, String reason) {
        Withdrawal.Report report = withdrawal.withdraw(variant.productId(), variant.language(), "Rút / withdrawn: " + reason);
        for (Withdrawal.ManualRemoval manual : report.manual()) {
            targets.find(manual.job().targetId()).ifPresent(target -> notices.manualRemoval(target, manual.job().id(),
                    "Cần gỡ thủ công sản phẩm " + variant.productId() + " (" + variant.language() + "): " + manual.why()));
        }
        List<String> inFlight = report.inFlight().stream().map(j -> j.targetId()).collect(Collectors.toList());
        if (!inFlight.isEmpty()) {
            // A delivery running right now finishes as DELIVERED; the product's publications list shows it as still online.
            notices.withdrawalRace(variant.productId(), variant.language(), inFlight);
        }
    }
}

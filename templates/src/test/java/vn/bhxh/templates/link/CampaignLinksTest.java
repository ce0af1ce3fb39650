package vn.bhxh.templates.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CampaignLinksTest {

    private final CampaignLinks links = new CampaignLinks();
    private final TrackingParameters facebook = new TrackingParameters("facebook", "social");

    @Test
    void addsTheThreeTrackingParameters() {
        String tracked = links.track("https://baohiemxahoi.gov.vn/san-pham/to-roi", facebook, "Tháng BHXH toàn dân 2025");

        assertThat(tracked).isEqualTo("https://baohiemxahoi.gov.vn/san-pham/to-roi"
                + "?utm_source=facebook&utm_medium=social&utm_campaign=thang-bhxh-toan-dan-2025");
        assertThat(links.isTracked(tracked)).isTrue();
    }

    @Test
    void keepsOtherParametersAndTheFragmentAndReplacesOldTracking() {
        String tracked = links.track("https://baohiemxahoi.gov.vn/tin?id=7&utm_source=old&lang=km#phan-2", facebook, "ngay-bhyt");

        assertThat(tracked).isEqualTo("https://baohiemxahoi.gov.vn/tin?id=7&lang=km"
                + "&utm_source=facebook&utm_medium=social&utm_campaign=ngay-bhyt#phan-2");
    }

    @Test
    void aMissingCampaignIsNamedRatherThanLeftEmpty() {
        assertThat(links.track("https://baohiemxahoi.gov.vn", facebook, ""))
                .isEqualTo("https://baohiemxahoi.gov.vn/?utm_source=facebook&utm_medium=social&utm_campaign=khong-chien-dich");
    }

    @Test
    void recognisesUntrackedLinks() {
        assertThat(links.isTracked("https://baohiemxahoi.gov.vn/tin?utm_source=facebook&utm_medium=social")).isFalse();
        assertThat(links.isTracked("https://baohiemxahoi.gov.vn/tin")).isFalse();
    }

    @Test
    void refusesRelativeLinks() {
        assertThatThrownBy(() -> links.track("/tin/1", facebook, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

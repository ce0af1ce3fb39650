package vn.bhxh.media.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerPoolSettingsTest {

    @Test
    void everyLimitOfThePoolIsCheckedAtItsEdge() {
        assertThat(new WorkerPool.Settings(1, 1, Duration.ofMillis(1)).workers()).isEqualTo(1);
        assertThatThrownBy(() -> new WorkerPool.Settings(0, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerPool.Settings(1, 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerPool.Settings(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

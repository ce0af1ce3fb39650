package vn.bhxh.publisher.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Map;

class CredentialCipherTest {

    private final CredentialCipher cipher = new CredentialCipher(CredentialCipher.newKey());

    @Test
    void aSealedSecretOpensOnlyForItsTargetWithTheSameKeyAndNeverShowsInText() {
        SealedSecret sealed = cipher.seal("fb-bhxh", "{\"page_access_token\":\"EAAB-bí-mật\"}");

        assertThat(cipher.open("fb-bhxh", sealed)).isEqualTo("{\"page_access_token\":\"EAAB-bí-mật\"}");
        assertThat(sealed.value()).startsWith("v1:").doesNotContain("EAAB");
        assertThat(sealed.toString()).doesNotContain(sealed.value());
        assertThat(cipher.seal("fb-bhxh", "x").value()).isNotEqualTo(cipher.seal("fb-bhxh", "x").value());
        assertThatThrownBy(() -> cipher.open("zalo-bhxh", sealed)).hasMessageContaining("could not decrypt");
        assertThatThrownBy(() -> new CredentialCipher(CredentialCipher.newKey()).open("fb-bhxh", sealed))
                .hasMessageContaining("could not decrypt");
    }

    @Test
    void aTamperedValueIsRefusedAndABadKeyIsExplained() {
        SealedSecret sealed = cipher.seal("wp", "password");
        char[] chars = sealed.value().toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.open("wp", new SealedSecret(new String(chars)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CredentialCipher(" ")).hasMessageContaining(CredentialCipher.KEY_VARIABLE);
    }

    @Test
    void credentialsHideTheirValuesWhenPrinted() {
        Credentials credentials = new Credentials(Map.of("application_password", "abcd EFGH"));

        assertThat(credentials.toString()).doesNotContain("abcd").contains("application_password");
        assertThatThrownBy(() -> credentials.require("username", "tên đăng nhập WordPress")).isInstanceOf(CredentialsUnusable.class)
                .hasMessage("Chưa nhập tên đăng nhập WordPress cho kênh phát hành này; hãy nhập ở mục Khóa truy cập khi sửa kênh"
                        + " phát hành.");
    }
}

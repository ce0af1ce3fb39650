package vn.bhxh.cms.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * Where the audit chain ended when last advanced ({@link #ID}), or where the retention cut it ({@link #ANCHOR_ID}): a
 * sequence and its entry's hash, in one document each, changed with compare-and-set.
 */
@Document(indexName = "audit-chain", createIndex = false)
record ChainHead(
        @Id String id,
        @Field(type = FieldType.Long) long sequence,
        @Field(type = FieldType.Keyword) String hash,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    static final String ID = "head";
    static final String ANCHOR_ID = "anchor";
}

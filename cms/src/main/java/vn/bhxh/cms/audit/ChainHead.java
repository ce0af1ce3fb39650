package vn.bhxh.cms.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/** Where the audit chain ended when last advanced: its sequence and hash (one document, changed with compare-and-set). */
@Document(indexName = "audit-chain", createIndex = false)
record ChainHead(
        @Id String id,
        @Field(type = FieldType.Long) long sequence,
        @Field(type = FieldType.Keyword) String hash,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    static final String ID = "head";
}

package org.w3id.copgraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    @Test
    void theOntologySchemesAndAllDataAreConsistentUnderOwlMicro() {
        Model all = ModelFiles.vocabulary();
        all.add(ModelFiles.unionOfGraphs(ModelFiles.dataFiles()));

        ValidityReport report = validate(all);

        assertThat(report.isValid()).as(describe(report)).isTrue();
    }

    @Test
    void theConsistencyCheckFindsACommunityOfPracticeThatIsAlsoAProject() {
        Model clash = ModelFiles.vocabulary();
        Resource both = clash.createResource(ModelFiles.ID + "cop/confused");
        both.addProperty(RDF.type, clash.createResource(ModelFiles.COP + "CommunityOfPractice"));
        both.addProperty(RDF.type, clash.createResource(ModelFiles.COP + "Project"));
        both.addProperty(RDFS.label, "Confused", "en");

        assertThat(validate(clash).isValid()).isFalse();
    }

    private static ValidityReport validate(Model model) {
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), model);
        return inf.validate();
    }

    private static String describe(ValidityReport report) {
        List<String> lines = new ArrayList<>();
        for (Iterator<ValidityReport.Report> it = report.getReports(); it.hasNext(); ) {
            ValidityReport.Report r = it.next();
            lines.add((r.isError() ? "error: " : "warning: ") + r.getType() + " " + r.getDescription());
        }
        return String.join("\n", lines);
    }
}

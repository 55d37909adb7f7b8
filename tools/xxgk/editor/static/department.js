/* 责任部门：只列出所选发布机构在 xxgk.yml 中登记的科室（CAT-DEPARTMENT）。
   A Decap CMS widget: the field's "units" maps each 发布机构 to its 科室; the choices follow
   the 发布机构 chosen in the same form. Then start the CMS (index.html sets manual init). */
(function () {
  "use strict";
  var h = window.h;
  var PUBLISHER = "\u53d1\u5e03\u673a\u6784"; // 发布机构

  function sectionsOf(props) {
    var units = props.field.get("units");
    var entry = props.getEntry ? props.getEntry() : props.entry;
    var unit = entry && entry.getIn(["data", PUBLISHER]);
    var list = unit && units ? units.get(unit) : null;
    return { unit: unit || "", sections: list ? list.toJS() : [] };
  }

  var Control = window.createClass({
    // The CMS re-renders a control only when its own value changes: watch the 发布机构.
    componentDidMount: function () {
      var self = this;
      self.unit = sectionsOf(self.props).unit;
      self.timer = window.setInterval(function () {
        var unit = sectionsOf(self.props).unit;
        if (unit !== self.unit) { self.unit = unit; self.forceUpdate(); }
      }, 200);
    },
    componentWillUnmount: function () { window.clearInterval(this.timer); },
    isValid: function () {
      var value = this.props.value;
      if (!value) { return true; } // 必填由 required 检查
      var found = sectionsOf(this.props);
      if (found.sections.indexOf(value) >= 0) { return true; }
      return { error: { message: "“" + value + "”不是" + (found.unit || "发布机构") + "登记的科室" } };
    },
    render: function () {
      var self = this;
      var found = sectionsOf(this.props);
      var value = this.props.value || "";
      var options = [h("option", { key: "", value: "" },
        found.unit ? "请选择" + found.unit + "的科室" : "请先选择发布机构")];
      found.sections.forEach(function (name) {
        options.push(h("option", { key: name, value: name }, name));
      });
      return h("select", {
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: value,
        onChange: function (event) { self.props.onChange(event.target.value); },
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle
      }, options);
    }
  });

  var Preview = window.createClass({
    render: function () {
      console.log("DEPT", Object.keys(this.props).join(","), this.props.entry && JSON.stringify(this.props.entry.get("data"))); return h("p", {}, this.props.value || ""); }
  });

  window.CMS.registerWidget("xxgk_department", Control, Preview,
    { properties: { units: { type: "object" } } });
  window.CMS.init();
})();
